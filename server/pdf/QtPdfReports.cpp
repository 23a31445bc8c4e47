#include "QtPdfReports.hpp"

#include <QGuiApplication>
#include <clocale>
#include <numeric>

#include "render/Fonts.hpp"
#include "render/SiteReportPdf.hpp"
#include "render/StoreLayers.hpp"

namespace redline::service
{

QtPdfReports::QtPdfReports(std::size_t maxQueued) : m_maxQueued(maxQueued)
{
    if (QGuiApplication::instance() == nullptr)
    {
        qputenv("QT_QPA_PLATFORM", "offscreen"); // a service has no display
        m_app = std::make_unique<QGuiApplication>(m_argc, m_argv);
    }
    std::setlocale(LC_NUMERIC, "C");
    (void)ensureCjkFont();
    m_thread = std::thread([this] { run(); });
}

QtPdfReports::~QtPdfReports()
{
    stop();
}

void QtPdfReports::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_queue.clear();
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool QtPdfReports::render(std::shared_ptr<const ScreeningReport> report, Done done)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_queue.size() >= m_maxQueued)
            return false;
        m_queue.push_back({std::move(report), std::move(done)});
    }
    m_wake.notify_one();
    return true;
}

void QtPdfReports::run()
{
    // The render layers (symbology and drawing caches) of the last store revision seen.
    std::shared_ptr<const ZoningStore> zoning;
    std::vector<RenderLayer> layers;
    for (;;)
    {
        Task task;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            task = std::move(m_queue.front());
            m_queue.pop_front();
        }
        std::string pdf;
        std::exception_ptr error;
        try
        {
            if (task.report->zoning != zoning)
            {
                zoning = task.report->zoning;
                layers = zoning ? renderLayersOf(*zoning) : std::vector<RenderLayer>{};
            }
            SiteReportInput in;
            in.report = task.report;
            in.layers = layers;
            std::vector<std::size_t> sites(task.report->results.size());
            std::iota(sites.begin(), sites.end(), std::size_t{0});
            const QByteArray bytes = siteReportsPdf(in, sites);
            pdf.assign(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        }
        catch (...)
        {
            error = std::current_exception();
        }
        task.done(std::move(pdf), error);
    }
}

} // namespace redline::service
