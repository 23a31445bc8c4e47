#pragma once
// POST /processes/screen/execution: reads the inputs, screens through the engine facade (the
// same path as `redline screen`), and records the job and its ledger entry in one transaction
// before answering. Synchronous by default (200 with the DESIGN A4 JSON, byte for byte what the
// CLI writes plus job_id, user and input_sha256); `Prefer: respond-async` answers 201 with a
// Location at once. Small inline inputs are screened on the I/O thread; uploads, zip files and
// large inputs on the job threads, where the job is first recorded as running so that a crash
// leaves a trace that the next start marks failed.

#include "ServiceContext.hpp"
#include "auth/Principal.hpp"
#include "http/Http.hpp"

namespace redline::service
{

class Screenings
{
  public:
    explicit Screenings(ServiceContext& ctx) : m_ctx(ctx) {}
    void execute(const Request& request, const Principal& who, Respond respond);

  private:
    ServiceContext& m_ctx;
};

} // namespace redline::service
