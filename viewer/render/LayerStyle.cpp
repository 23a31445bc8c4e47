#include "render/LayerStyle.hpp"

namespace redline
{

const Symbol& LayerStyle::symbolFor(const Attributes& attributes) const
{
    if (classField.empty())
        return base;
    const auto value = attributes.text(classField);
    if (!value)
        return base;
    for (const SymbolClass& c : classes)
    {
        if (c.value == *value)
            return c.symbol;
    }
    return base;
}

} // namespace redline
