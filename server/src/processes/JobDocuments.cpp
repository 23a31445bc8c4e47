#include "processes/JobDocuments.hpp"

namespace redline::service
{

using nlohmann::json;

json statusInfo(const JobRecord& job, const std::string& baseUrl, bool pdf)
{
    const std::string self = baseUrl + "/jobs/" + job.id;
    json links = json::array({{{"href", self}, {"rel", "self"}, {"type", "application/json"}}});
    if (job.status == "successful")
    {
        links.push_back({{"href", self + "/results"},
                         {"rel", "http://www.opengis.net/def/rel/ogc/1.0/results"},
                         {"type", "application/json"},
                         {"title", "Screening result (DESIGN A4)"}});
        links.push_back({{"href", self + "/results/report.html"},
                         {"rel", "alternate"},
                         {"type", "text/html"},
                         {"title", "初筛报告 (HTML)"}});
        if (pdf)
            links.push_back({{"href", self + "/results/report.pdf"},
                             {"rel", "alternate"},
                             {"type", "application/pdf"},
                             {"title", "初筛报告 (PDF)"}});
    }
    json doc = {{"processID", job.processId},
                {"type", "process"},
                {"jobID", job.id},
                {"status", job.status},
                {"created", job.createdAt},
                {"updated", job.updatedAt},
                {"user", job.userName},
                {"links", links}};
    if (job.message)
        doc["message"] = *job.message;
    if (job.startedAt)
        doc["started"] = *job.startedAt;
    if (job.finishedAt)
        doc["finished"] = *job.finishedAt;
    if (job.status == "successful" || job.status == "failed")
        doc["progress"] = 100;
    if (job.inputName)
        doc["input_name"] = *job.inputName;
    if (job.inputSha256)
        doc["input_sha256"] = *job.inputSha256;
    return doc;
}

std::string jobListDocument(const std::vector<JobRecord>& jobs, const std::string& baseUrl,
                            std::size_t limit, std::size_t offset, bool more, bool pdf)
{
    json list = json::array();
    for (const auto& j : jobs)
        list.push_back(statusInfo(j, baseUrl, pdf));
    const std::string page = baseUrl + "/jobs?limit=" + std::to_string(limit);
    json links = json::array({{{"href", page + "&offset=" + std::to_string(offset)},
                               {"rel", "self"},
                               {"type", "application/json"}}});
    if (more)
        links.push_back({{"href", page + "&offset=" + std::to_string(offset + limit)},
                         {"rel", "next"},
                         {"type", "application/json"}});
    return json{{"jobs", list}, {"links", links}}.dump(-1, ' ', false,
                                                       json::error_handler_t::replace);
}

} // namespace redline::service
