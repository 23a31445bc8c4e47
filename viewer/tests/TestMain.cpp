// GoogleTest main for the viewer tests: a QApplication on the offscreen platform (also when ctest
// lists the tests, which does not pass the ENVIRONMENT property).
#include <QApplication>

#include <gtest/gtest.h>

#include "redline/io/VectorReader.hpp"

#include "render/Fonts.hpp"

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    redline::gdalInit();
    QApplication app(argc, argv);
    redline::ensureCjkFont();
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
