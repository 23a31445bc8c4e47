#pragma once
// How one zoning layer is drawn and listed in the legend: symbol classes chosen by an attribute
// (e.g. unit_type -> priority/key/general), outline, fill, optional hatch, and labels. Sizes are in
// millimetres on the surface so that screen and print look alike. Value type, thread-safe.

#include <QColor>
#include <QString>
#include <string>
#include <vector>

#include "redline/data/Attributes.hpp"

namespace redline
{

enum class Hatch
{
    None,
    Diagonal, // lines rising to the right
    Cross     // diagonal cross-hatch
};

struct Symbol
{
    QString label; // legend text (Chinese)
    QColor fill = Qt::transparent;
    QColor stroke = Qt::black;
    double strokeMm = 0.25;
    Qt::PenStyle penStyle = Qt::SolidLine;
    Hatch hatch = Hatch::None;
    QColor hatchColor = Qt::black;
    double hatchSpacingMm = 2.0;
};

struct SymbolClass
{
    std::string value; // attribute value selecting this class
    Symbol symbol;
};

struct LayerStyle
{
    QString title;          // layer title in the legend and the layer panel (Chinese)
    std::string classField; // attribute choosing the class; empty: every feature uses `base`
    std::vector<SymbolClass> classes;
    Symbol base;            // used when no class matches
    std::string labelField; // empty: no labels
    QColor labelColor = Qt::black;
    double labelSizePt = 8;
    int labelPriority = 0; // higher places first
    bool labelBold = false;

    [[nodiscard]] const Symbol& symbolFor(const Attributes& attributes) const;
};

} // namespace redline
