#include "ehcp/cli/app.hpp"

#include <iostream>

#include <fmt/format.h>

#include "ehcp/cli/commands.hpp"
#include "ehcp/cli/exit_codes.hpp"
#include "help.hpp"

namespace ehcp {

namespace {

std::vector<cli::Command> command_table() {
    return {cli::check_command(), cli::screen_command(), cli::validate_command(), cli::explain_command(),
            cli::rules_command(), cli::init_command(),     cli::schema_command(),
            cli::import_command(), cli::completion_command(), cli::man_command()};
}

}  // namespace

int run_cli(int argc, char** argv) {
    cli::GlobalOptions g;
    CLI::App app{"ehcp: checks the evidence behind a request for an EHC needs assessment against a local "
                 "authority's published criteria (Coventry's by default). It reports evidence readiness, "
                 "never a decision.",
                 "ehcp"};
    cli::install_help_formatter(app);
    app.set_version_flag("-V,--version", std::string("ehcp ") + EHCP_VERSION, "print the version and exit");
    app.set_help_flag("-h,--help", "print this help and exit");
    app.require_subcommand(1);
    app.fallthrough(true);
    auto* rules_option = app.add_option("--rules", g.rules, "rule pack: a name (see `ehcp rules list`) or a folder holding pack.yaml (default: coventry)")
        ->default_val("coventry")
        ->option_text("PACK");
    app.add_option("--as-of", g.as_of, "the date to check as of, YYYY-MM-DD (default: today)")
        ->option_text("DATE");
    app.add_option("-o,--output", g.output, "write to FILE instead of standard output")
        ->option_text("FILE");
    app.add_flag("--redact", g.redact, "leave names and free text out of the output");
    app.add_option("--color", g.color, "colour: auto, always or never (NO_COLOR is honoured)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->option_text("WHEN");
    app.add_flag("-q,--quiet", g.quiet, "print nothing but errors; the exit status tells the result");
    app.add_option("--max-file-size", g.max_file_bytes, "read at most this many bytes of one file (default 256 MiB; import: 64 MiB)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40))
        ->option_text("BYTES");
    app.add_option("--max-record-size", g.max_record_bytes, "read a record of at most this many bytes (default 4 MiB)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40))
        ->option_text("BYTES");

    std::function<int(const cli::GlobalOptions&)> run;
    std::vector<std::string> names;
    for (auto& cmd : command_table()) {
        names.push_back(cmd.name);
        auto* sub = app.add_subcommand(cmd.name, cmd.summary);
        sub->group("Commands");
        auto runner = cmd.setup(*sub);
        sub->callback([&run, runner] { run = runner; });
    }
    // `ehcp help [COMMAND]`: the same text as `ehcp COMMAND --help`.
    std::vector<std::string> help_topic;
    auto* help = app.add_subcommand("help", "show the help of ehcp or of one command");
    help->group("Commands");
    help->add_option("command", help_topic, "the command (and its subcommand: `rules test`)")->option_text("COMMAND");
    help->callback([&] { run = [&](const cli::GlobalOptions&) { return cli::print_help(app, help_topic); }; });
    names.push_back("help");
    cli::add_help_footers(app);

    // "unknown command 'chek', did you mean 'check'?" before CLI11's generic message.
    if (argc > 1 && argv[1][0] != '-') {
        std::string first = argv[1];
        if (std::find(names.begin(), names.end(), first) == names.end()) {
            auto near = cli::nearest_word(first, names);
            std::cerr << fmt::format("ehcp: unknown command `{}`{}\nRun `ehcp --help` for the commands.\n", first,
                                     near.empty() ? "" : fmt::format("; did you mean `{}`?", near));
            return exit_code::usage;
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        return cli::report_parse_error(app, e);
    }
    g.rules_given = rules_option->count() > 0;
    try {
        return run(g);
    } catch (const cli::UsageError& e) {
        std::cerr << "ehcp: " << e.what() << "\n";
        return e.status;
    } catch (const cli::OutputError& e) {
        std::cerr << "ehcp: " << e.what() << "\n";
        return exit_code::io_error;
    } catch (const std::exception& e) {
        std::cerr << "ehcp: internal error: " << e.what() << "\nThis is a bug in ehcp; please report it with the command you ran.\n";
        return exit_code::software;
    }
}

}  // namespace ehcp
