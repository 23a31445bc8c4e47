#pragma once
// OGC API – Processes JSON documents for jobs: statusInfo (with links to the results and the HTML
// and PDF reports) and the job list.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "jobs/JobStore.hpp"

namespace redline::service
{

// `pdf`: the service renders PDF reports (ServiceContext::pdf), so a finished job links one.
[[nodiscard]] nlohmann::json statusInfo(const JobRecord& job, const std::string& baseUrl,
                                        bool pdf = false);
[[nodiscard]] std::string jobListDocument(const std::vector<JobRecord>& jobs,
                                          const std::string& baseUrl, std::size_t limit,
                                          std::size_t offset, bool more, bool pdf = false);

} // namespace redline::service
