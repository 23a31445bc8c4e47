#pragma once
// Roles of issue 11 and what each may do. One role per account.
//   approver: screens sites; reads its own jobs, results and reports, and its own screened sites
//   reviewer: reads every job, result, report and screened site (and prints them); no screening
//   planner:  reads the zoning and every screened site (map use); edits stay in the viewer/CLI
//   admin:    manages accounts; reads every job for support; no screening
// Everyone signed in reads the zoning collections.

#include <optional>
#include <string>

namespace redline::service
{

enum class Role
{
    Approver,
    Reviewer,
    Planner,
    Admin
};

[[nodiscard]] const char* toString(Role role);
[[nodiscard]] std::optional<Role> parseRole(const std::string& text);

[[nodiscard]] bool canScreen(Role role);
[[nodiscard]] bool readsEveryJob(Role role);
[[nodiscard]] bool readsEverySite(Role role);
[[nodiscard]] bool manages(Role role);

} // namespace redline::service
