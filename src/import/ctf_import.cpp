// `ehcp import ctf`: the DfE's Common Transfer File read with pugixml, which never reads a
// DTD, never expands an entity it was not given and never fetches anything; a DOCTYPE or
// ENTITY declaration and deep nesting are refused by a scan of the bytes before parsing.
#include "import_text.hpp"
#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "ehcp/core/inert_text.hpp"
#include "ehcp/import/import.hpp"
#include "ehcp/load/record_template.hpp"

namespace ehcp::import {

namespace {

struct NeedType {
    std::string_view code;
    std::string_view words;
    std::optional<AreaOfNeed> area;
};

// School census and CTF SEN type codes (and SEN2's DS), with the broad area each belongs to.
constexpr NeedType kNeedTypes[] = {
    {"SPLD", "Specific learning difficulty", AreaOfNeed::cognition_and_learning},
    {"MLD", "Moderate learning difficulty", AreaOfNeed::cognition_and_learning},
    {"SLD", "Severe learning difficulty", AreaOfNeed::cognition_and_learning},
    {"PMLD", "Profound and multiple learning difficulty", AreaOfNeed::cognition_and_learning},
    {"SEMH", "Social, emotional and mental health", AreaOfNeed::social_emotional_mental_health},
    {"SLCN", "Speech, language and communication needs", AreaOfNeed::communication_and_interaction},
    {"ASD", "Autistic spectrum disorder", AreaOfNeed::communication_and_interaction},
    {"HI", "Hearing impairment", AreaOfNeed::sensory_and_physical},
    {"VI", "Visual impairment", AreaOfNeed::sensory_and_physical},
    {"MSI", "Multi-sensory impairment", AreaOfNeed::sensory_and_physical},
    {"PD", "Physical disability", AreaOfNeed::sensory_and_physical},
    {"OTH", "Other difficulty or disability", std::nullopt},
    {"NSA", "SEN support but no specialist assessment of type of need", std::nullopt},
    {"DS", "Down syndrome (SEN2 only)", std::nullopt},
};

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return s;
}

using text::trim;

long line_of(const std::string& text, std::size_t offset) {
    if (offset > text.size()) offset = text.size();
    return 1 + static_cast<long>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// Before any parser sees the bytes: no DOCTYPE or ENTITY declaration (the billion laughs
// and external entities need one), and elements nested at most kMaxXmlDepth deep.
void scan_xml(const std::string& text, const std::string& path) {
    int depth = 0;
    std::size_t i = 0, n = text.size();
    while (i < n) {
        std::size_t lt = text.find('<', i);
        if (lt == std::string::npos) break;
        if (text.compare(lt, 4, "<!--") == 0) {
            std::size_t end = text.find("-->", lt + 4);
            i = end == std::string::npos ? n : end + 3;
            continue;
        }
        if (text.compare(lt, 9, "<![CDATA[") == 0) {
            std::size_t end = text.find("]]>", lt + 9);
            i = end == std::string::npos ? n : end + 3;
            continue;
        }
        if (text.compare(lt, 2, "<!") == 0) {
            std::string word = upper(text.substr(lt + 2, 7));
            throw ImportError(fmt::format(
                "{}:{}: the file declares {} (`<!{}`); a Common Transfer File has no DTD, and ehcp never reads one "
                "or expands the entities it defines (a \"billion laughs\" or an external entity would hide there); "
                "fix: export the CTF again from the school's MIS",
                path, line_of(text, lt), word.rfind("ENTITY", 0) == 0 ? "an entity" : "a document type",
                word.rfind("ENTITY", 0) == 0 ? "ENTITY" : "DOCTYPE"));
        }
        if (text.compare(lt, 2, "<?") == 0) {
            std::size_t end = text.find("?>", lt + 2);
            i = end == std::string::npos ? n : end + 2;
            continue;
        }
        // A tag: find its end, stepping over quoted attribute values.
        std::size_t j = lt + 1;
        char quote = 0;
        for (; j < n; ++j) {
            char c = text[j];
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                break;
            }
        }
        if (j >= n) break;  // unterminated: the parser reports it
        if (text[lt + 1] == '/') {
            --depth;
        } else if (text[j - 1] != '/') {
            if (++depth > kMaxXmlDepth)
                throw ImportError(fmt::format(
                    "{}:{}: elements nest more than {} deep here; a Common Transfer File needs about 6, so this is "
                    "not one (or it is damaged); fix: export the CTF again from the school's MIS",
                    path, line_of(text, lt), kMaxXmlDepth));
        }
        i = j + 1;
    }
}

std::string child_text(const pugi::xml_node& node, const char* name) {
    return trim(node.child(name).text().as_string());
}

// The first descendant element called `name` (CTF versions move a few elements around).
pugi::xml_node find(const pugi::xml_node& node, const char* name) {
    return node.find_node([name](const pugi::xml_node& n) { return n.type() == pugi::node_element && std::string_view(n.name()) == name; });
}

std::vector<pugi::xml_node> find_all(const pugi::xml_node& node, const char* name) {
    std::vector<pugi::xml_node> out;
    struct Walker : pugi::xml_tree_walker {
        const char* name;
        std::vector<pugi::xml_node>* out;
        bool for_each(pugi::xml_node& n) override {
            if (n.type() == pugi::node_element && std::string_view(n.name()) == name) out->push_back(n);
            return true;
        }
    } w;
    w.name = name;
    w.out = &out;
    const_cast<pugi::xml_node&>(node).traverse(w);
    return out;
}

bool inside(const pugi::xml_node& n, const pugi::xml_node& ancestor) {
    for (auto p = n.parent(); p; p = p.parent())
        if (p == ancestor) return true;
    return false;
}

std::optional<double> number(const std::string& s) {
    if (s.empty() || s.find_first_not_of("0123456789.") != std::string::npos) return std::nullopt;
    try {
        return std::stod(s);
    } catch (...) {
        return std::nullopt;
    }
}

CtfPupil read_pupil(const pugi::xml_node& x, const std::string& text) {
    CtfPupil p;
    p.line = line_of(text, static_cast<std::size_t>(x.offset_debug()));
    p.upn = child_text(x, "UPN");
    p.surname = child_text(x, "Surname");
    p.forename = child_text(x, "Forename");
    if (p.surname.empty()) p.surname = trim(find(x, "Surname").text().as_string());
    if (p.forename.empty()) p.forename = trim(find(x, "Forename").text().as_string());
    p.dob_text = child_text(x, "DOB");
    if (p.dob_text.empty()) p.dob_text = trim(find(x, "DOB").text().as_string());
    p.dob = Date::parse_iso(p.dob_text);
    p.sex = child_text(x, "Sex");
    if (p.sex.empty()) p.sex = child_text(x, "Gender");

    // SEN: the entry with the latest StartDate is the current provision (ties: the later
    // one in the file). Its needs, or the needs given beside the entries.
    pugi::xml_node latest;
    std::optional<Date> latest_start;
    auto history = find(x, "SENhistory");
    if (history) {
        for (const auto& sen : find_all(history, "SEN")) {
            ++p.sen_entries;
            auto start = Date::parse_iso(child_text(sen, "StartDate"));
            if (!latest || (start && (!latest_start || *start >= *latest_start))) {
                if (start || !latest_start) {
                    latest = sen;
                    latest_start = start;
                }
            }
        }
    }
    if (latest) {
        p.sen_provision = upper(child_text(latest, "SENprovision"));
        p.sen_start = latest_start;
    } else {
        p.sen_provision = upper(trim(find(x, "SENprovision").text().as_string()));
    }
    std::vector<pugi::xml_node> need_nodes;
    if (latest) need_nodes = find_all(latest, "SENneed");
    if (need_nodes.empty()) {
        std::vector<pugi::xml_node> sens = history ? find_all(history, "SEN") : std::vector<pugi::xml_node>{};
        for (const auto& n : find_all(x, "SENneed")) {
            bool in_other_entry = std::any_of(sens.begin(), sens.end(), [&](const auto& s) { return inside(n, s); });
            if (!in_other_entry) need_nodes.push_back(n);
        }
    }
    for (const auto& n : need_nodes) {
        CtfNeed need;
        need.code = upper(child_text(n, "SENtype"));
        auto rank = number(child_text(n, "SENtypeRank"));
        need.rank = rank && *rank >= 1 && *rank <= 99 ? static_cast<int>(*rank) : 0;
        if (!need.code.empty()) p.needs.push_back(need);
    }
    std::stable_sort(p.needs.begin(), p.needs.end(), [](const CtfNeed& a, const CtfNeed& b) {
        return (a.rank == 0 ? 100 : a.rank) < (b.rank == 0 ? 100 : b.rank);
    });

    // Attendance: the latest year with sessions possible.
    long best_year = -1;
    for (const auto& yd : find_all(x, "YearData")) {
        auto year = number(child_text(yd, "Year"));
        auto possible = number(child_text(yd, "SessionsPossible"));
        if (!possible || *possible <= 0) continue;
        double authorised = number(child_text(yd, "SessionsAuthorised")).value_or(0);
        double unauthorised = number(child_text(yd, "SessionsUnauthorised")).value_or(0);
        long y = year ? static_cast<long>(*year) : 0;
        if (y < best_year) continue;
        double present = *possible - authorised - unauthorised;
        if (present < 0) continue;
        best_year = y;
        p.attendance_percent = std::round(present / *possible * 1000.0) / 10.0;
        p.attendance_year = child_text(yd, "Year");
    }
    return p;
}

std::string read_file(const std::string& path, std::size_t max_bytes) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw ImportError(fmt::format("{}: cannot read the file: {}", path, std::strerror(errno)));
    if (S_ISDIR(st.st_mode)) throw ImportError(fmt::format("{}: is a folder, not a file", path));
    if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > max_bytes)
        throw ImportError(fmt::format("{}: the file is {} bytes, more than the {} bytes allowed; fix: check it is the "
                                      "right file, or raise the limit with --max-file-size",
                                      path, static_cast<std::uint64_t>(st.st_size), max_bytes));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ImportError(fmt::format("{}: cannot read the file", path));
    std::string text;
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        text.append(buf, static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_bytes)
            throw ImportError(fmt::format("{}: the file is more than the {} bytes allowed; fix: check it is the right "
                                          "file, or raise the limit with --max-file-size", path, max_bytes));
    }
    return text;
}

}  // namespace

std::optional<AreaOfNeed> ctf_need_area(std::string_view code) {
    for (const auto& t : kNeedTypes)
        if (t.code == code) return t.area;
    return std::nullopt;
}

std::string_view ctf_need_words(std::string_view code) {
    for (const auto& t : kNeedTypes)
        if (t.code == code) return t.words;
    return {};
}

std::optional<SenStatus> ctf_sen_status(std::string_view provision) {
    if (provision == "E") return SenStatus::ehcp;
    if (provision == "K") return SenStatus::sen_support;
    if (provision == "N") return SenStatus::none;
    return std::nullopt;
}

std::string_view area_sen_type(AreaOfNeed area) {
    return area == AreaOfNeed::social_emotional_mental_health ? "SEMH" : "";
}

CtfFile read_ctf(const std::string& path, std::size_t max_bytes) {
    std::string text = read_file(path, max_bytes);
    if (text.find('\0') != std::string::npos)
        throw ImportError(fmt::format("{}:{}: the file holds a NUL byte, so it is not XML text (perhaps UTF-16 or a "
                                      "damaged copy); fix: export the CTF again from the school's MIS",
                                      path, line_of(text, text.find('\0'))));
    scan_xml(text, path);
    pugi::xml_document doc;
    // parse_default: no DOCTYPE node, entities limited to the five XML predefines and
    // character references; nothing is fetched.
    auto result = doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_auto);
    if (!result)
        throw ImportError(fmt::format("{}:{}: not well-formed XML: {}; fix: export the CTF again from the school's MIS",
                                      path, line_of(text, static_cast<std::size_t>(result.offset)), result.description()));
    auto root = doc.document_element();
    if (std::string_view(root.name()) != "CTfile")
        throw ImportError(fmt::format("{}: the root element is <{}>, not <CTfile>: this is not a Common Transfer File",
                                      path, escape_controls(root.name())));
    CtfFile file;
    auto header = root.child("Header");
    file.version = trim(header.child("CTFversion").text().as_string());
    auto source = header.child("SourceSchool");
    if (source) {
        file.source_school = trim(source.child("LEA").text().as_string()) + "/" + trim(source.child("Estab").text().as_string());
        std::string name = trim(source.child("SchoolName").text().as_string());
        if (!name.empty()) file.source_school += " " + name;
    }
    auto data = root.child("CTFpupilData");
    for (auto x = data.child("Pupil"); x; x = x.next_sibling("Pupil")) file.pupils.push_back(read_pupil(x, text));
    return file;
}

std::string yaml_quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
    }
    return out + "\"";
}

namespace {

// Sets `key` in top-level `section` of the template: the line "  key: ..." or the example
// "  # key: ..." becomes "  key: value", its explanatory comment kept in its column.
void set_line(std::string& text, const std::string& section, const std::string& key, const std::string& value) {
    std::size_t pos = text.find("\n" + section + ":");
    if (pos == std::string::npos) return;
    pos = text.find('\n', pos + 1) + 1;
    while (pos < text.size() && text[pos] == ' ') {
        std::size_t end = text.find('\n', pos);
        std::string line = text.substr(pos, end - pos);
        std::string body = line.substr(2);
        bool commented = body.rfind("# " + key + ":", 0) == 0;
        if (commented || body.rfind(key + ":", 0) == 0) {
            std::size_t after = commented ? 2 + key.size() + 3 : key.size() + 1;
            std::size_t comment = body.find(" #", after);
            std::string out = "  " + key + ": " + value;
            if (comment != std::string::npos) {
                std::size_t col = 2 + comment + 1;
                out += out.size() + 1 < col ? std::string(col - out.size(), ' ') : "   ";
                out += body.substr(comment + 1);
            }
            text.replace(pos, end - pos, out);
            return;
        }
        pos = end + 1;
    }
}

}  // namespace

std::string ctf_record_text(const CtfPupil& p, const CtfFile& file, const std::string& source_name,
                            std::vector<std::string>& notes) {
    std::string text = record_template();
    set_line(text, "pupil", "id", yaml_quote(p.upn));
    if (p.dob) set_line(text, "pupil", "date_of_birth", p.dob->iso());
    else notes.push_back(fmt::format("the CTF's date of birth `{}` is not a date in the form YYYY-MM-DD; fill in date_of_birth",
                                     escape_controls(p.dob_text)));
    std::string name = trim(p.forename + " " + p.surname);
    if (!name.empty()) {
        if (find_control(name)) notes.push_back("the CTF's name holds a control character; fill in name by hand");
        else set_line(text, "pupil", "name", yaml_quote(name));
    }
    if (auto status = ctf_sen_status(p.sen_provision)) {
        set_line(text, "pupil", "sen_status", std::string(to_string(*status)));
    } else if (!p.sen_provision.empty()) {
        notes.push_back(fmt::format("SEN provision `{}` in the CTF is not E, K or N (perhaps a code from before 2014); "
                                    "settle sen_status yourself", escape_controls(p.sen_provision)));
    }
    std::optional<AreaOfNeed> primary;
    std::vector<AreaOfNeed> secondary;
    for (std::size_t i = 0; i < p.needs.size(); ++i) {
        const auto& need = p.needs[i];
        auto area = ctf_need_area(need.code);
        std::string words(ctf_need_words(need.code));
        std::string label = fmt::format("{}{}", escape_controls(need.code), words.empty() ? "" : " (" + words + ")");
        bool is_primary = need.rank == 1 || (need.rank == 0 && i == 0);
        if (!area) {
            notes.push_back(fmt::format("need type {} {} has no single broad area of need; settle {} yourself",
                                        label, need.rank == 0 ? std::string("with no rank") : "ranked " + std::to_string(need.rank),
                                        is_primary ? "needs.primary" : "whether it belongs in needs.secondary"));
            continue;
        }
        if (is_primary && !primary) primary = area;
        else if (area != primary && std::find(secondary.begin(), secondary.end(), *area) == secondary.end())
            secondary.push_back(*area);
    }
    if (primary) {
        set_line(text, "needs", "primary", std::string(to_string(*primary)));
        secondary.erase(std::remove(secondary.begin(), secondary.end(), *primary), secondary.end());
    }
    if (!secondary.empty()) {
        std::string list = "[";
        for (std::size_t i = 0; i < secondary.size(); ++i) list += (i ? ", " : "") + std::string(to_string(secondary[i]));
        set_line(text, "needs", "secondary", list + "]");
    }
    // The census codes themselves, in rank order: exact, so OTH, NSA and DS are kept too
    // (only their broad area is left to settle). At most the two the census ranks.
    std::vector<std::string> sen_types;
    for (const auto& need : p.needs) {
        if (sen_types.size() == 2) break;
        if (ctf_need_words(need.code).empty()) continue;  // not a census code: its note says so
        if (std::find(sen_types.begin(), sen_types.end(), need.code) == sen_types.end()) sen_types.push_back(need.code);
    }
    if (!sen_types.empty()) set_line(text, "needs", "sen_types", fmt::format("[{}]", fmt::join(sen_types, ", ")));
    if (p.attendance_percent) set_line(text, "attendance", "percent", fmt::format("{:g}", *p.attendance_percent));

    // The header: where it came from, and what is left to settle.
    std::string head = fmt::format("# Imported by `ehcp import ctf` from {} (CTF version {}{}).\n",
                                   escape_controls(source_name), file.version.empty() ? "not given" : escape_controls(file.version),
                                   file.source_school.empty() ? "" : ", from school " + escape_controls(file.source_school));
    std::vector<std::string> codes;
    for (const auto& n : p.needs)
        codes.push_back(fmt::format("{} ({})", escape_controls(n.code), n.rank ? fmt::format("rank {}", n.rank) : "no rank"));
    head += fmt::format("# CTF SEN: provision {}{}{}; need types: {}.\n", p.sen_provision.empty() ? "not given" : escape_controls(p.sen_provision),
                        p.sen_start ? " from " + p.sen_start->iso() : "",
                        p.sen_entries > 1 ? fmt::format(" (latest of {} SEN entries)", p.sen_entries) : "",
                        codes.empty() ? "none" : fmt::format("{}", fmt::join(codes, ", ")));
    if (p.attendance_percent)
        head += fmt::format("# Attendance {}% is worked out from the CTF's sessions for year {}; give period_start and period_end.\n",
                            *p.attendance_percent, escape_controls(p.attendance_year));
    for (const auto& note : notes) head += "# TO SETTLE: " + note + ".\n";
    head += "# Check every imported value against the school's own records.\n#\n";
    return head + text;
}

}  // namespace ehcp::import
