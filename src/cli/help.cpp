#include "help.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "ehcp/cli/common.hpp"
#include "ehcp/cli/exit_codes.hpp"

namespace ehcp::cli {

namespace {

// The exit statuses every command shares, under its own.
constexpr std::string_view kCommonStatuses =
    "  64  usage error (unknown option, missing argument, bad --as-of)\n"
    "  65  the rule pack cannot be found or has errors\n"
    "  70  an internal error (a bug: please report it)\n"
    "  74  the output could not be written";

// Examples and the command's own exit statuses, by command path ("rules test").
const std::map<std::string, std::string>& footers() {
    static const std::map<std::string, std::string> table{
        {"check",
         "Examples:\n"
         "  A readiness report on the terminal:\n"
         "    ehcp check pupil.yaml\n"
         "  A report to share or print (also: markdown):\n"
         "    ehcp check --format html -o pupil.html pupil.yaml\n"
         "  For a script, the same result every day:\n"
         "    ehcp check --format json --as-of 2026-11-22 pupil.yaml\n"
         "\n"
         "Exit status:\n"
         "   0  every record is ready\n"
         "   1  at least one record is not ready, none invalid (a finding, not a failure)\n"
         "   2  a record is invalid, or a file could not be read\n"},
        {"screen",
         "Examples:\n"
         "  A table: one row per record, then a summary:\n"
         "    ehcp screen records/\n"
         "  A workbook for the officer:\n"
         "    ehcp screen --format xlsx -o screen.xlsx records/\n"
         "  Without names or free text:\n"
         "    ehcp screen --format csv --redact records/ > screen.csv\n"
         "\n"
         "Exit status:\n"
         "   0  every record could be read, whatever the verdicts\n"
         "   2  a record is invalid, or a file could not be read\n"},
        {"validate",
         "Examples:\n"
         "  Format errors and warnings, each with a fix:\n"
         "    ehcp validate pupil.yaml\n"
         "  Errors only:\n"
         "    ehcp validate -q *.yaml\n"
         "  For a script or an editor:\n"
         "    ehcp validate --format json pupil.yaml\n"
         "\n"
         "Exit status:\n"
         "   0  every record could be read (warnings allowed)\n"
         "   2  a record has errors, or a file could not be read\n"},
        {"explain",
         "Examples:\n"
         "  List the pack's criteria, checks and indicators:\n"
         "    ehcp explain\n"
         "  One criterion: the authority's words and the checks:\n"
         "    ehcp explain existing-support\n"
         "  One check kind and its parameters:\n"
         "    ehcp explain reviewed_cycles\n"
         "\n"
         "Exit status:\n"
         "   0  printed\n"},
        {"rules",
         "Examples:\n"
         "  The rule packs found:\n"
         "    ehcp rules list\n"
         "  A pack's sources, criteria and readiness rule:\n"
         "    ehcp rules show coventry\n"
         "  Run a pack's own test cases:\n"
         "    ehcp rules test ./my-pack\n"
         "\n"
         "Exit status:\n"
         "   0  done (rules test: every case passed)\n"
         "   1  rules test: a case failed, or there are none\n"},
        {"init",
         "Examples:\n"
         "  Write the template, then fill it in:\n"
         "    ehcp init -o pupil.yaml\n"
         "  Replace an existing file:\n"
         "    ehcp init -o pupil.yaml --force\n"
         "  The same, through the shell:\n"
         "    ehcp init > pupil.yaml\n"
         "\n"
         "Exit status:\n"
         "   0  written\n"},
        {"schema",
         "Examples:\n"
         "  For an editor (docs/record-format.md, \"Editor set-up\"):\n"
         "    ehcp schema > ehcp-record.schema.json\n"
         "  Indicator ids from another pack:\n"
         "    ehcp --rules ./my-pack schema\n"
         "\n"
         "Exit status:\n"
         "   0  printed\n"},
        {"import",
         "Examples:\n"
         "  Records for the pupils with SEN support or an EHC plan:\n"
         "    ehcp import ctf school.xml -o records/\n"
         "  A provision map's rows into one pupil's record:\n"
         "    ehcp import csv --map maps/provision-map.yaml map.csv \\\n"
         "         --into records/K801200601001.yaml\n"
         "  Then what evidence is still missing:\n"
         "    ehcp check records/K801200601001.yaml\n"
         "\n"
         "Exit status:\n"
         "   0  imported (or already there, or nothing to change)\n"
         "   2  a file, a pupil or a row could not be imported\n"},
        {"import ctf",
         "-o DIR is the folder the records are written into, one UPN.yaml per pupil\n"
         "(default: the current folder, created if needed).\n"
         "\n"
         "Examples:\n"
         "  Records for the pupils with SEN support or an EHC plan:\n"
         "    ehcp import ctf school.xml -o records/\n"
         "  Every pupil, replacing records already there (kept as .bak):\n"
         "    ehcp import ctf school.xml -o records/ --all --force\n"
         "  Then what evidence is still missing:\n"
         "    ehcp check records/\n"
         "\n"
         "Exit status:\n"
         "   0  imported (records already there are left as they are)\n"
         "   2  the file cannot be read, or a pupil could not be imported\n"},
        {"import csv",
         "Examples:\n"
         "  A provision map's rows into one pupil's record:\n"
         "    ehcp import csv --map maps/provision-map.yaml map.csv \\\n"
         "         --into pupil.yaml\n"
         "  Replace the section (the old file is kept as pupil.yaml.bak):\n"
         "    ehcp import csv --map maps/provision-map.yaml map.csv \\\n"
         "         --into pupil.yaml --replace provision\n"
         "  Then what evidence is still missing:\n"
         "    ehcp check pupil.yaml\n"
         "\n"
         "Exit status:\n"
         "   0  imported, or the record already holds these rows\n"
         "   2  the file, the map or a row cannot be read (nothing written)\n"},
        {"help",
         "Examples:\n"
         "  The commands and the global options:\n"
         "    ehcp help\n"
         "  One command (the same as ehcp check --help):\n"
         "    ehcp help check\n"
         "  A command of a command:\n"
         "    ehcp help rules test\n"
         "\n"
         "Exit status:\n"
         "   0  printed\n"},
    };
    return table;
}

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

const CLI::App* root_of(const CLI::App* app) {
    while (app->get_parent()) app = app->get_parent();
    return app;
}

// "check", "rules test": the command path without the program's name.
std::string command_path(const CLI::App* app) {
    std::string path;
    for (; app && app->get_parent(); app = app->get_parent()) path = app->get_name() + (path.empty() ? "" : " " + path);
    return path;
}

// `lead` (already `at` columns wide, padded to `column`), then `text` filled to 80
// columns, later lines indented to `column`.
std::string hanging(std::string lead, std::size_t column, std::string_view text) {
    std::string out = std::move(lead);
    std::size_t at = out.size();
    if (at > 0 && at >= column && !text.empty()) out += "\n", at = 0;
    if (!text.empty()) out += std::string(column - at, ' ');
    at = column;
    bool first = true;
    std::istringstream words{std::string(text)};
    for (std::string word; words >> word; first = false) {
        if (!first && at + 1 + word.size() > 80) {
            out += "\n" + std::string(column, ' ');
            at = column;
        } else if (!first) {
            out += ' ';
            ++at;
        }
        out += word;
        at += word.size();
    }
    return out + "\n";
}

class HelpFormatter : public CLI::Formatter {
public:
    std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
        if (mode == CLI::AppFormatMode::Sub) return make_expanded(app);
        std::string out = make_description(app) + make_usage(app, name) + make_positionals(app) + make_groups(app, mode) +
                          make_subcommands(app, mode);
        if (app->get_parent()) {
            const CLI::App* root = root_of(app);
            auto globals = root->get_options([root](const CLI::Option* o) {
                return o->nonpositional() && o != root->get_help_ptr() && o != root->get_help_all_ptr();
            });
            if (!globals.empty()) out += make_group("Global options (before or after the command)", false, globals);
        }
        std::string footer = make_footer(app);
        if (!footer.empty()) out += "\n" + footer;
        return out;
    }

    // One option: its name and value word, then its description wrapped to 80 columns
    // under the description column (CLI11 would write it on one long line).
    std::string make_option(const CLI::Option* opt, bool is_positional) const override {
        return hanging("  " + make_option_name(opt, is_positional) + make_option_opts(opt), get_column_width(),
                       make_option_desc(opt));
    }

    std::string make_subcommand(const CLI::App* sub) const override {
        return hanging("  " + sub->get_display_name(true), get_column_width(), sub->get_description());
    }

    std::string make_description(const CLI::App* app) const override {
        std::string text = app->get_description();
        return text.empty() ? std::string() : hanging("", 0, text) + "\n";
    }

    // Positionals by their names in capitals (FILES, PATHS, ID).
    std::string make_option_name(const CLI::Option* opt, bool is_positional) const override {
        return is_positional ? upper(opt->get_name(true, false)) : CLI::Formatter::make_option_name(opt, false);
    }

    // The option's value in one word (FILE, DATE, FORMAT): its option text when set, else
    // CLI11's type name without the validator's description ("UINT:UINT in [1 - ...]").
    std::string make_option_opts(const CLI::Option* opt) const override {
        if (opt->get_positional()) return {};
        if (!opt->get_option_text().empty()) return " " + opt->get_option_text();
        if (opt->get_type_size() == 0) return {};
        std::string type = opt->get_type_name();
        type = type.substr(0, type.find(':'));
        return type.empty() ? std::string() : " " + type;
    }
};

// Every way to spell the options `app` accepts, for a "did you mean".
void option_names(const CLI::App* app, std::vector<std::string>& out) {
    for (const auto* o : app->get_options()) {
        for (const auto& l : o->get_lnames()) out.push_back("--" + l);
        for (const auto& s : o->get_snames()) out.push_back("-" + s);
    }
}

// The deepest command the parse reached (the app itself when none).
const CLI::App* reached(const CLI::App& app) {
    const CLI::App* where = &app;
    for (auto subs = where->get_subcommands(); !subs.empty(); subs = where->get_subcommands()) where = subs.front();
    return where;
}

std::string help_hint(const CLI::App* where) {
    std::string path = command_path(where);
    if (path.empty()) return "Run `ehcp --help` for the commands and options.";
    return fmt::format("Run `ehcp {} --help` for its options.", path);
}

std::string subcommand_names(const CLI::App* app) {
    std::vector<std::string> names;
    for (const auto* s : app->get_subcommands([](const CLI::App* s) { return !s->get_name().empty() && !s->get_group().empty(); }))
        names.push_back(s->get_name());
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    return out;
}

// CLI11's own sentence, started in lower case: "--width: Value 10 not in range 40 to 400".
std::string plain(std::string message) {
    if (message.size() > 1 && std::isupper(static_cast<unsigned char>(message[0])) &&
        !std::isupper(static_cast<unsigned char>(message[1])))
        message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    return message;
}

// CLI11's validator and count messages in words: "--width: Value 10 not in range 40 to
// 400" is "--width: `10` is not a number from 40 to 400"; "--as-of: 1 required TEXT
// missing" is "--as-of needs a value (DATE)"; "--color: blue not in {auto,always,never}"
// is "--color: `blue` is not one of auto, always, never".
std::string option_message(const CLI::App* where, const std::string& message) {
    std::smatch m;
    static const std::regex range(R"(^(-[-\w]*): Value (.*) not in range (\S+) to (\S+)$)");
    static const std::regex member(R"(^(-[-\w]*): (.*) not in \{(.*)\}$)");
    static const std::regex missing(R"(^(-[-\w]*): \d+ required .* missing$)");
    if (std::regex_match(message, m, range)) {
        std::string high = m[4].str();
        return high.size() > 9 ? fmt::format("{}: `{}` is not a whole number of at least {}", m[1].str(), m[2].str(), m[3].str())
                               : fmt::format("{}: `{}` is not a number from {} to {}", m[1].str(), m[2].str(), m[3].str(), high);
    }
    if (std::regex_match(message, m, member)) {
        std::string list = m[3].str();
        for (std::size_t at = list.find(','); at != std::string::npos; at = list.find(',', at + 2)) list.replace(at, 1, ", ");
        return fmt::format("{}: `{}` is not one of {}", m[1].str(), m[2].str(), list);
    }
    if (std::regex_match(message, m, missing)) {
        std::string word;
        for (const CLI::App* a = where; a && word.empty(); a = a->get_parent())
            for (const auto* o : a->get_options())
                if (o->check_name(m[1].str())) word = o->get_option_text();
        return fmt::format("{} needs a value{}", m[1].str(), word.empty() ? "" : " (" + word + ")");
    }
    return plain(message);
}

}  // namespace

void install_help_formatter(CLI::App& app) {
    auto f = std::make_shared<HelpFormatter>();
    f->label("Usage", "Usage");
    f->label("OPTIONS", "OPTIONS");
    f->label("SUBCOMMAND", "COMMAND");
    f->label("SUBCOMMANDS", "COMMANDS");
    f->label("Positionals", "Arguments");
    f->column_width(30);
    app.formatter(f);
}

void add_help_footers(CLI::App& app) {
    app.footer(
        "Run `ehcp help COMMAND` (or `ehcp COMMAND --help`) for a command's options,\n"
        "examples and exit statuses. The manual: docs/cli.md.");
    const auto& table = footers();
    std::vector<CLI::App*> todo = app.get_subcommands([](const CLI::App*) { return true; });
    while (!todo.empty()) {
        CLI::App* sub = todo.back();
        todo.pop_back();
        if (!sub->get_group().empty()) sub->group("Commands");  // a hidden command (`man`) stays hidden
        std::string path = command_path(sub);
        std::string top = path.substr(0, path.find(' '));
        auto it = table.find(path);  // a command's own footer ("import ctf"), else its top command's
        if (it == table.end()) it = table.find(top);
        if (it != table.end())
            sub->footer(it->second + std::string(kCommonStatuses));
        for (auto* s : sub->get_subcommands([](const CLI::App*) { return true; })) todo.push_back(s);
    }
}

int print_help(const CLI::App& app, const std::vector<std::string>& topic) {
    const CLI::App* target = &app;
    std::string name = "ehcp";
    for (const auto& word : topic) {
        const CLI::App* next = nullptr;
        std::vector<std::string> names;
        for (const auto* s : target->get_subcommands([](const CLI::App* s) { return !s->get_name().empty(); })) {
            names.push_back(s->get_name());
            if (s->get_name() == word) next = s;
        }
        if (!next) {
            auto near = nearest_word(word, names);
            std::cerr << fmt::format("ehcp: no command `{}`{}\n{}\n", (name == "ehcp" ? "" : name.substr(5) + " ") + word,
                                     near.empty() ? "" : fmt::format("; did you mean `{}`?", near), help_hint(target));
            return exit_code::usage;
        }
        target = next;
        name += " " + word;
    }
    std::cout << target->get_formatter()->make_help(target, name, CLI::AppFormatMode::Normal);
    std::cout.flush();
    return exit_code::ready;
}

int report_parse_error(const CLI::App& app, const CLI::ParseError& e) {
    const CLI::App* where = reached(app);
    std::string message;
    if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
        // With fallthrough, an option a command does not know reaches the top: name the
        // first one, with the nearest option of that command or the global ones.
        std::vector<std::string> extras = app.remaining(true);
        std::string first = extras.empty() ? std::string() : extras.front();
        if (!first.empty() && first[0] == '-' && first != "-") {
            std::string bare = first.substr(0, first.find('='));
            std::vector<std::string> names;
            for (const CLI::App* a = where; a; a = a->get_parent()) option_names(a, names);
            // Compared without the leading dashes, hyphens read as underscores (as the
            // record's keys are): `--foramt` is two letters from `--format`.
            auto key = [](std::string name) {
                name.erase(0, name.find_first_not_of('-'));
                std::replace(name.begin(), name.end(), '-', '_');
                return name;
            };
            std::vector<std::string> keys;
            for (const auto& n : names) keys.push_back(key(n));
            // A one-letter option is one edit from every other: no guess.
            std::string near = key(bare).size() > 1 ? nearest_word(key(bare), keys) : std::string();
            if (!near.empty()) near = names[static_cast<std::size_t>(std::find(keys.begin(), keys.end(), near) - keys.begin())];
            message = fmt::format("unknown option `{}`{}", bare, near.empty() ? "" : fmt::format("; did you mean `{}`?", near));
        } else if (!first.empty()) {
            message = fmt::format("unexpected argument `{}`{}", first,
                                  command_path(where).empty() ? "" : fmt::format(" to `ehcp {}`", command_path(where)));
        } else {
            message = plain(e.what());
        }
    } else if (dynamic_cast<const CLI::RequiredError*>(&e) && std::string_view(e.what()).rfind("A subcommand", 0) == 0) {
        std::string path = command_path(where);
        message = path.empty() ? "a command is needed: " + subcommand_names(where)
                               : fmt::format("`ehcp {}` needs a command: {}", path, subcommand_names(where));
    } else if (dynamic_cast<const CLI::RequiredError*>(&e)) {
        // "files is required": say which argument the command needs, as its help names it.
        message = plain(e.what());
        for (const auto* o : where->get_options([](const CLI::Option* o) { return o->get_positional(); }))
            if (std::string(e.what()) == o->get_name(true, false) + " is required")
                message = fmt::format("`ehcp {}` needs {}", command_path(where), upper(o->get_name(true, false)));
    } else {
        message = option_message(where, e.what());
    }
    std::cerr << "ehcp: " << message << "\n" << help_hint(where) << "\n";
    return exit_code::usage;
}

}  // namespace ehcp::cli
