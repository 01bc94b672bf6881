// `ehcp init` (a commented record template) and `ehcp schema` (the JSON Schema).
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "ehcp/cli/commands.hpp"
#include "ehcp/cli/exit_codes.hpp"
#include "ehcp/load/record_schema.hpp"
#include "ehcp/load/record_template.hpp"

namespace ehcp::cli {

Command init_command() {
    return {"init", "write a commented record template to fill in", [](CLI::App& sub) {
                auto force = std::make_shared<bool>(false);
                sub.add_flag("--force", *force, "overwrite the -o file if it exists");
                return [force](const GlobalOptions& g) {
                    std::error_code ec;
                    if (!g.output.empty() && g.output != "-" && std::filesystem::exists(g.output, ec) && !*force)
                        throw UsageError(fmt::format("{} already exists; fix: choose another name or add --force", g.output),
                                         exit_code::usage);
                    write_output(g, record_template());
                    if (!g.output.empty() && !g.quiet)
                        std::cerr << fmt::format("Wrote {}. Fill it in, then run: ehcp validate {}\n", g.output, g.output);
                    return exit_code::ready;
                };
            }};
}

Command schema_command() {
    return {"schema", "print the JSON Schema (draft 2020-12) of the record format", [](CLI::App&) {
                return [](const GlobalOptions& g) {
                    std::vector<std::string> ids, kinds;
                    try {
                        auto pack = load_selected_pack(g);
                        ids = pack.indicator_ids();
                        kinds = pack.document_kind_ids();
                    } catch (const UsageError&) {
                        if (g.rules != "coventry") throw;
                    }
                    write_output(g, record_json_schema(ids, kinds).dump(2) + "\n");
                    return exit_code::ready;
                };
            }};
}

}  // namespace ehcp::cli
