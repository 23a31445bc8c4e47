#pragma once
// PdfReports on the viewer's render library (Qt Gui, offscreen platform). The constructor, called
// once on the main thread before the service starts, creates the QGuiApplication when there is
// none (QT_QPA_PLATFORM=offscreen: no display), registers the CJK font there and resets
// LC_NUMERIC to "C" (Qt sets the locale from the environment; the service's numbers must not
// follow it). Reports are painted one at a time on one rendering thread fed by a bounded queue:
// QPainter on a QPdfWriter needs no GUI thread, and one thread keeps Qt's font engine caches
// and the render layers (built once per store revision) on one thread. Rendering is bounded by
// the configured queue; the HTTP threads never wait for it.

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "reports/PdfReports.hpp"

class QGuiApplication;

namespace redline::service
{

class QtPdfReports final : public PdfReports
{
  public:
    explicit QtPdfReports(std::size_t maxQueued);
    ~QtPdfReports() override;
    QtPdfReports(const QtPdfReports&) = delete;
    QtPdfReports& operator=(const QtPdfReports&) = delete;

    bool render(std::shared_ptr<const ScreeningReport> report, Done done) override;
    void stop() override;

  private:
    struct Task
    {
        std::shared_ptr<const ScreeningReport> report;
        Done done;
    };
    void run();

    int m_argc = 1;
    char m_arg0[8] = "redline";
    char* m_argv[2] = {m_arg0, nullptr};
    std::unique_ptr<QGuiApplication> m_app; // only when this object created it
    std::size_t m_maxQueued;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Task> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace redline::service
