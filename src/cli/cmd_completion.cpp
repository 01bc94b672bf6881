// `ehcp completion bash|zsh|fish` and `ehcp man`: shell completions and the ehcp(1) manual
// page, both written from the CLI11 App itself (its commands, options, value lists and
// help texts), so neither can drift from the program. The build writes them for
// `cmake --install` and the .deb; nothing generated is kept in the source tree.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "ehcp/cli/commands.hpp"
#include "ehcp/rules/pack_set.hpp"
#include "ehcp/cli/exit_codes.hpp"

namespace ehcp::cli {


// A named namespace rather than an anonymous one: with EHCP_UNITY_BUILD every src/cli file
// is one translation unit, and generic helper names (join, upper) must not meet another
// file's.
namespace completion_impl {

// What a completion needs to know of one option.
struct OptionInfo {
    std::vector<std::string> names;  // "-o", "--output"
    std::string description;
    bool takes_value = false;
    std::vector<std::string> values;  // a closed list (IsMember), else empty
    std::string value_kind;           // "pack", "file", "dir" or "" (free text)
    std::string placeholder;          // for the man page
};

struct CommandInfo {
    std::vector<std::string> path;  // {"rules", "show"}
    std::string description;
    std::string footer;
    std::vector<OptionInfo> options;
    std::vector<OptionInfo> positionals;
    std::vector<CommandInfo> subcommands;
};

// IsMember's description is "{a,b,c}": the closed list of values.
std::vector<std::string> value_list(CLI::Option* opt) {
    for (int i = 0;; ++i) {
        CLI::Validator* v = nullptr;
        try {
            v = opt->get_validator(i);  // throws past the last one
        } catch (const CLI::OptionNotFound&) {
        }
        if (v == nullptr) break;
        std::string d = v->get_description();
        if (d.size() >= 2 && d.front() == '{' && d.back() == '}') {
            std::vector<std::string> out;
            std::string item;
            for (char c : d.substr(1, d.size() - 2)) {
                if (c == ',') {
                    out.push_back(item);
                    item.clear();
                } else {
                    item += c;
                }
            }
            if (!item.empty()) out.push_back(item);
            return out;
        }
    }
    return {};
}

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

OptionInfo describe(CLI::Option* opt) {
    OptionInfo o;
    for (const auto& s : opt->get_snames()) o.names.push_back("-" + s);
    for (const auto& l : opt->get_lnames()) o.names.push_back("--" + l);
    o.description = opt->get_description();
    o.takes_value = opt->get_expected_max() > 0 && opt->get_type_size_max() > 0;  // a flag expects 0
    o.values = value_list(opt);
    std::string key = opt->get_positional() ? opt->get_name(true) : (opt->get_lnames().empty() ? "" : opt->get_lnames().front());
    if (key == "rules" || key == "pack")
        o.value_kind = "pack";
    else if (key == "output" || key == "files" || key == "paths" || key == "file")
        o.value_kind = "file";
    if (opt->get_positional())
        o.placeholder = key;
    else if (!o.values.empty())
        o.placeholder = fmt::format("{}", fmt::join(o.values, "|"));
    else if (key == "output" || key == "rules")
        o.placeholder = key == "output" ? "FILE" : "PACK";
    else if (key == "as-of")
        o.placeholder = "YYYY-MM-DD";
    else if (key == "max-file-size" || key == "max-record-size")
        o.placeholder = "BYTES";
    else if (key == "width")
        o.placeholder = "COLUMNS";
    else if (key == "jobs")
        o.placeholder = "N";
    else
        o.placeholder = upper(opt->get_type_name().substr(0, opt->get_type_name().find(':')));
    return o;
}

CommandInfo walk(CLI::App* app, std::vector<std::string> path) {
    CommandInfo c;
    c.path = path;
    c.description = app->get_description();
    c.footer = app->get_footer();
    for (auto* opt : app->get_options([](CLI::Option*) { return true; })) {
        if (opt->get_group().empty()) continue;  // hidden
        (opt->get_positional() && !opt->nonpositional() ? c.positionals : c.options).push_back(describe(opt));
    }
    for (auto* sub : app->get_subcommands([](CLI::App*) { return true; })) {
        if (sub->get_group().empty()) continue;  // hidden
        auto p = path;
        p.push_back(sub->get_name());
        c.subcommands.push_back(walk(sub, p));
    }
    return c;
}

bool is_help(const OptionInfo& o) { return std::find(o.names.begin(), o.names.end(), "--help") != o.names.end(); }

std::string join(const std::vector<std::string>& v, const char* sep) { return fmt::format("{}", fmt::join(v, sep)); }

std::string path_key(const CommandInfo& c) { return join(c.path, " "); }

void each_command(const CommandInfo& c, const std::function<void(const CommandInfo&)>& f) {
    f(c);
    for (const auto& s : c.subcommands) each_command(s, f);
}

// ---- bash -----------------------------------------------------------------------------

std::string bash_words(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

std::string bash_script(const CommandInfo& root) {
    std::set<std::string> value_options;
    each_command(root, [&](const CommandInfo& c) {
        for (const auto& o : c.options)
            if (o.takes_value)
                for (const auto& n : o.names) value_options.insert(n);
    });
    std::string s =
        "# bash completion for ehcp: generated by `ehcp completion bash`; do not edit.\n"
        "# Load it with: source <(ehcp completion bash)\n"
        "_ehcp_packs() { \"${COMP_WORDS[0]}\" completion --packs 2>/dev/null; }\n"
        "_ehcp() {\n"
        "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"\" cmd=\"\" w i skip=0\n"
        "    ((COMP_CWORD > 0)) && prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
        "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
        "        w=\"${COMP_WORDS[i]}\"\n"
        "        if ((skip)); then skip=0; continue; fi\n"
        "        case \"$w\" in\n";
    s += fmt::format("            {}) skip=1 ;;\n", join({value_options.begin(), value_options.end()}, "|"));
    s += "            -*) ;;\n"
         "            *) case \"${cmd:+$cmd }$w\" in\n";
    std::vector<std::string> known;
    each_command(root, [&](const CommandInfo& c) {
        if (!c.path.empty()) known.push_back("\"" + path_key(c) + "\"");
    });
    s += fmt::format("                   {}) cmd=\"${{cmd:+$cmd }}$w\" ;;\n", join(known, "|"));
    s += "               esac ;;\n"
         "        esac\n"
         "    done\n"
         "    COMPREPLY=()\n"
         "    case \"$cmd:$prev\" in\n";
    // Values of the option just typed: the root's options are accepted after any command.
    each_command(root, [&](const CommandInfo& c) {
        for (const auto& o : c.options) {
            if (!o.takes_value) continue;
            std::string pattern;
            for (const auto& n : o.names) pattern += (pattern.empty() ? "" : "|") + (c.path.empty() ? "*" : "\"" + path_key(c) + "\"") + ":" + n;
            std::string action;
            if (!o.values.empty())
                action = fmt::format("COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))", bash_words(o.values));
            else if (o.value_kind == "pack")
                action = "COMPREPLY=($(compgen -W \"$(_ehcp_packs)\" -- \"$cur\") $(compgen -d -- \"$cur\"))";
            else if (o.value_kind == "file")
                action = "COMPREPLY=($(compgen -f -- \"$cur\"))";
            s += fmt::format("        {}) {}; return ;;\n", pattern, action.empty() ? ":" : action);
        }
    });
    s += "    esac\n"
         "    case \"$cmd\" in\n";
    std::vector<std::string> global;
    for (const auto& o : root.options)
        for (const auto& n : o.names) global.push_back(n);
    each_command(root, [&](const CommandInfo& c) {
        std::vector<std::string> opts;
        for (const auto& o : c.options)
            for (const auto& n : o.names) opts.push_back(n);
        if (!c.path.empty())
            for (const auto& n : global)
                if (std::find(opts.begin(), opts.end(), n) == opts.end()) opts.push_back(n);
        std::vector<std::string> subs;
        for (const auto& sc : c.subcommands) subs.push_back(sc.path.back());
        std::string positional = ":";
        if (!subs.empty()) {
            positional = fmt::format("COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))", bash_words(subs));
        } else if (!c.positionals.empty()) {
            const auto& p = c.positionals.front();
            if (!p.values.empty())
                positional = fmt::format("COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))", bash_words(p.values));
            else if (p.value_kind == "pack")
                positional = "COMPREPLY=($(compgen -W \"$(_ehcp_packs)\" -- \"$cur\") $(compgen -d -- \"$cur\"))";
            else if (p.value_kind == "file")
                positional = "COMPREPLY=($(compgen -f -- \"$cur\"))";
        }
        s += fmt::format("        \"{}\")\n"
                         "            if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"{}\" -- \"$cur\")); else {}; fi ;;\n",
                         path_key(c), bash_words(opts), positional);
    });
    s += "    esac\n"
         "}\n"
         "complete -o filenames -F _ehcp ehcp\n";
    return s;
}

// ---- zsh ------------------------------------------------------------------------------

// Inside '...' (zsh single quotes) and inside an _arguments [description].
std::string zsh_desc(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\'') out += "'\\''";
        else if (c == '[' || c == ']' || c == '\\') out += std::string("\\") + c;
        else out += c;
    }
    return out;
}

std::string zsh_function(const CommandInfo& c) {
    return "_ehcp" + (c.path.empty() ? std::string() : "_" + join(c.path, "_"));
}

std::string zsh_action(const OptionInfo& o) {
    if (!o.values.empty()) return fmt::format("({})", join(o.values, " "));
    if (o.value_kind == "pack") return "_ehcp_packs";
    if (o.value_kind == "file") return "_files";
    return " ";
}

std::string zsh_spec(const OptionInfo& o) {
    std::string names = o.names.size() == 1 ? o.names.front() : "{" + join(o.names, ",") + "}";
    std::string exclusive = o.names.size() == 1 ? "" : "'(" + join(o.names, " ") + ")'";
    std::string value = o.takes_value ? fmt::format(":{}:{}", o.placeholder, zsh_action(o)) : "";
    return fmt::format("{}{}'[{}]{}'", exclusive, names, zsh_desc(o.description), value);
}

std::string zsh_script(const CommandInfo& root) {
    std::string s =
        "#compdef ehcp\n"
        "# zsh completion for ehcp: generated by `ehcp completion zsh`; do not edit.\n"
        "_ehcp_packs() {\n"
        "    local -a packs\n"
        "    packs=(${(f)\"$(${_ehcp_exe:-ehcp} completion --packs 2>/dev/null)\"})\n"
        "    _describe -t packs 'rule pack' packs\n"
        "    _files -/\n"
        "}\n";
    std::vector<std::string> global;
    for (const auto& o : root.options)
        if (!is_help(o)) global.push_back(zsh_spec(o));  // each command has its own --help
    each_command(root, [&](const CommandInfo& c) {
        s += zsh_function(c) + "() {\n    local curcontext=\"$curcontext\" state line\n    local -a specs cmds\n";
        if (c.path.empty()) s += "    typeset -g _ehcp_exe=${words[1]}  # the ehcp that is being completed, for _ehcp_packs\n";
        s += "    specs=(\n";
        for (const auto& o : c.options) s += "        " + zsh_spec(o) + "\n";
        if (!c.path.empty())
            for (const auto& g : global) s += "        " + g + "\n";
        s += "    )\n";
        if (!c.subcommands.empty()) {
            s += "    cmds=(\n";
            for (const auto& sc : c.subcommands) s += fmt::format("        '{}:{}'\n", sc.path.back(), zsh_desc(sc.description));
            s += "    )\n";
            s += "    _arguments -C $specs '1: :->cmd' '*:: :->args' && return\n"
                 "    case $state in\n"
                 "        cmd) _describe -t commands 'ehcp command' cmds ;;\n"
                 "        args)\n"
                 "            case $line[1] in\n";
            for (const auto& sc : c.subcommands) s += fmt::format("                {}) {} ;;\n", sc.path.back(), zsh_function(sc));
            s += "            esac ;;\n"
                 "    esac\n";
        } else {
            std::string positional;
            for (const auto& p : c.positionals)
                positional += fmt::format(" '*:{}:{}'", p.placeholder, zsh_action(p));
            s += "    _arguments $specs" + positional + "\n";
        }
        s += "}\n";
    });
    s += "_ehcp \"$@\"\n";
    return s;
}

// ---- fish -----------------------------------------------------------------------------

std::string fish_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string fish_script(const CommandInfo& root) {
    std::string s =
        "# fish completion for ehcp: generated by `ehcp completion fish`; do not edit.\n"
        "function __ehcp_packs\n"
        "    set -l exe (commandline -opc)[1]\n"
        "    $exe completion --packs 2>/dev/null\n"
        "end\n"
        "# The command path typed so far (\"rules show\"), options and their values left out.\n"
        "function __ehcp_path\n"
        "    set -l path\n"
        "    set -l skip 0\n"
        "    for w in (commandline -opc)[2..-1]\n"
        "        if test $skip = 1\n"
        "            set skip 0\n"
        "            continue\n"
        "        end\n"
        "        switch $w\n";
    std::set<std::string> value_options;
    std::vector<std::string> known;
    each_command(root, [&](const CommandInfo& c) {
        for (const auto& o : c.options)
            if (o.takes_value)
                for (const auto& n : o.names) value_options.insert(n);
        if (!c.path.empty()) known.push_back(fish_quote(path_key(c)));
    });
    s += fmt::format("            case {}\n                set skip 1\n", join({value_options.begin(), value_options.end()}, " "));
    s += "            case '-*'\n"
         "            case '*'\n"
         "                if contains -- (string join ' ' $path $w) " + join(known, " ") + "\n"
         "                    set -a path $w\n"
         "                end\n"
         "        end\n"
         "    end\n"
         "    string join ' ' $path\n"
         "end\n"
         "function __ehcp_at\n"
         "    set -l path (__ehcp_path)\n"
         "    test \"$path\" = \"$argv[1]\"\n"
         "end\n"
         "complete -c ehcp -f\n";
    auto option_line = [&](const OptionInfo& o, const std::string& condition) {
        std::string line = "complete -c ehcp" + condition;
        for (const auto& n : o.names) line += n.rfind("--", 0) == 0 ? " -l " + n.substr(2) : " -s " + n.substr(1);
        if (o.takes_value) {
            if (!o.values.empty())
                line += " -x -a " + fish_quote(join(o.values, " "));
            else if (o.value_kind == "pack")
                line += " -x -a '(__ehcp_packs; __fish_complete_directories)'";
            else if (o.value_kind == "file")
                line += " -r -F";
            else
                line += " -x";
        }
        return line + " -d " + fish_quote(o.description) + "\n";
    };
    for (const auto& o : root.options) s += option_line(o, "");
    each_command(root, [&](const CommandInfo& c) {
        std::string condition = fmt::format(" -n {}", fish_quote("__ehcp_at " + fish_quote(path_key(c))));
        if (!c.path.empty())
            for (const auto& o : c.options)
                if (!is_help(o)) s += option_line(o, condition);  // the root's --help is offered everywhere
        for (const auto& sc : c.subcommands)
            s += fmt::format("complete -c ehcp{} -a {} -d {}\n", condition, sc.path.back(), fish_quote(sc.description));
        if (c.subcommands.empty() && !c.positionals.empty()) {
            const auto& p = c.positionals.front();
            if (!p.values.empty())
                s += fmt::format("complete -c ehcp{} -a {}\n", condition, fish_quote(join(p.values, " ")));
            else if (p.value_kind == "pack")
                s += fmt::format("complete -c ehcp{} -a '(__ehcp_packs)'\n", condition);
            else if (p.value_kind == "file")
                s += fmt::format("complete -c ehcp{} -F\n", condition);
        }
    });
    return s;
}

// ---- man ------------------------------------------------------------------------------

// Text to roff: backslashes escaped, and a line never starts with a control character.
std::string roff(const std::string& text) {
    std::string out;
    bool line_start = true;
    for (char c : text) {
        if (line_start && (c == '.' || c == '\'')) out += "\\&";
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
        line_start = c == '\n';
    }
    return out;
}

std::string man_option(const OptionInfo& o) {
    std::string names;
    for (const auto& n : o.names) names += (names.empty() ? "" : ", ") + ("\\fB" + roff(n) + "\\fR");
    if (o.takes_value) names += " \\fI" + roff(o.placeholder) + "\\fR";
    return ".TP\n" + names + "\n" + roff(o.description) + "\n";
}

std::string man_page(const CommandInfo& root) {
    std::string s = fmt::format(".\\\" ehcp(1): generated by `ehcp man` from the program's own help; do not edit.\n"
                                ".TH EHCP 1 \"\" \"ehcp {}\" \"User Commands\"\n"
                                ".SH NAME\n"
                                "ehcp \\- check the evidence behind a request for an EHC needs assessment\n"
                                ".SH SYNOPSIS\n"
                                ".B ehcp\n"
                                "[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]\n"
                                ".SH DESCRIPTION\n{}\n",
                                EHCP_VERSION, roff(root.description));
    s += ".SH GLOBAL OPTIONS\nAccepted before or after the command; \\fB\\-h\\fR, \\fB\\-\\-help\\fR after a command prints that command's help.\n";
    for (const auto& o : root.options) s += man_option(o);
    s += ".SH COMMANDS\n";
    each_command(root, [&](const CommandInfo& c) {
        if (c.path.empty()) return;
        std::string usage = "ehcp " + path_key(c);
        if (std::any_of(c.options.begin(), c.options.end(), [](const OptionInfo& o) { return !is_help(o); })) usage += " [OPTIONS]";
        if (!c.subcommands.empty()) usage += " COMMAND";
        for (const auto& p : c.positionals) usage += " " + p.placeholder + (p.value_kind == "file" ? "..." : "");
        s += fmt::format(".SS \"{}\"\n{}\n", roff(usage), roff(c.description));
        for (const auto& o : c.options)
            if (!is_help(o)) s += man_option(o);  // every command takes -h, --help: said once, above
        for (const auto& p : c.positionals) s += ".TP\n\\fI" + roff(p.placeholder) + "\\fR\n" + roff(p.description) + "\n";
        std::string footer = c.footer;
        while (!footer.empty() && footer.back() == '\n') footer.pop_back();
        if (!footer.empty()) s += ".PP\n.nf\n" + roff(footer) + "\n.fi\n";
    });
    s += fmt::format(".SH EXIT STATUS\n"
                     ".TP\n{}\nevery record checked is ready (screen, validate: every record read)\n"
                     ".TP\n{}\nat least one record is not ready, none invalid\n"
                     ".TP\n{}\na record is invalid or a file could not be read\n"
                     ".TP\n{}\na bad option or argument\n"
                     ".TP\n{}\nthe rule pack cannot be found or is broken\n"
                     ".TP\n{}\nan internal error (a bug: please report it)\n"
                     ".TP\n{}\nthe output could not be written\n",
                     exit_code::ready, exit_code::not_ready, exit_code::invalid, exit_code::usage, exit_code::unknown_pack,
                     exit_code::software, exit_code::io_error);
    s += ".SH ENVIRONMENT\n"
         ".TP\n.B EHCP_RULES_PATH\n"
         "folders holding rule packs, separated by colons, searched before the installed packs\n"
         ".TP\n.B NO_COLOR\n"
         "when set, no colour (unless \\fB\\-\\-color always\\fR)\n"
         ".SH FILES\n"
         ".TP\n.I share/ehcp/rules\n"
         "the installed rule packs, found beside the binary's \\fIbin\\fR folder\n"
         ".SH NOTES\n"
         "ehcp reports whether the evidence is ready; it never makes or predicts a decision.\n"
         ".SH SEE ALSO\n"
         "The documentation in the source tree: README.md and docs/cli.md.\n";
    return s;
}


CLI::App* root_of(CLI::App& sub) {
    CLI::App* app = &sub;
    while (app->get_parent() != nullptr) app = app->get_parent();
    return app;
}

}  // namespace completion_impl

Command completion_command() {
    return {"completion", "print a completion script for bash, zsh or fish (commands, options, formats, pack names)",
            [](CLI::App& sub) {
                auto shell = std::make_shared<std::string>();
                auto packs = std::make_shared<bool>(false);
                sub.add_option("shell", *shell, "bash, zsh or fish")->check(CLI::IsMember({"bash", "zsh", "fish"}));
                // Called by the scripts themselves: the pack names found now, one a line.
                sub.add_flag("--packs", *packs, "list the rule packs' names")->group("");
                sub.footer("bash: source <(ehcp completion bash)\n"
                           "zsh:  ehcp completion zsh > ~/.zfunc/_ehcp (a folder in $fpath)\n"
                           "fish: ehcp completion fish > ~/.config/fish/completions/ehcp.fish");
                return [&sub, shell, packs](const GlobalOptions& g) {
                    std::string out;
                    if (*packs) {
                        for (const auto& n : pack_names_found()) out += n + "\n";
                    } else if (shell->empty()) {
                        throw UsageError("completion: name a shell: bash, zsh or fish", exit_code::usage);
                    } else {
                        auto root = completion_impl::walk(completion_impl::root_of(sub), {});
                        out = *shell == "bash" ? completion_impl::bash_script(root) : *shell == "zsh" ? completion_impl::zsh_script(root) : completion_impl::fish_script(root);
                    }
                    write_output(g, out);
                    return exit_code::ready;
                };
            }};
}

Command man_command() {
    return {"man", "print the ehcp(1) manual page (roff): ehcp man | man -l -", [](CLI::App& sub) {
                sub.group("");  // hidden: the page is installed; this writes it
                return [&sub](const GlobalOptions& g) {
                    write_output(g, completion_impl::man_page(completion_impl::walk(completion_impl::root_of(sub), {})));
                    return exit_code::ready;
                };
            }};
}

}  // namespace ehcp::cli
