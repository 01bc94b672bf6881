// The floor for any yaml-cpp tool: reads a multi-document YAML stream (or several
// files), splits it into documents at `---` lines the same cheap way ehcp does, and
// YAML::Load's each document, and nothing else. Prints the number of documents and
// bytes read so a script can check it saw the same input as `ehcp screen`.
//
// usage: bare_parse FILE|DIR...
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace fs = std::filesystem;

namespace {

bool starts_document(const std::string& line) {
    return line.compare(0, 3, "---") == 0 && (line.size() == 3 || line[3] == ' ' || line[3] == '\t');
}

bool has_content(const std::string& text) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::size_t first = text.find_first_not_of(" \t\r", start);
        if (first < end && text[first] != '#' && !(end - first >= 3 && starts_document(text.substr(first, end - first))))
            return true;
        start = end + 1;
    }
    return false;
}

struct Totals {
    long documents = 0;
    long nodes = 0;
    unsigned long long bytes = 0;
};

void parse_one(const std::string& text, Totals& totals) {
    if (!has_content(text)) return;
    ++totals.documents;
    try {
        YAML::Node root = YAML::Load(text);
        totals.nodes += static_cast<long>(root.size());  // keep the parse from being optimised away
    } catch (const YAML::Exception&) {
        // A broken document costs its parse like any other.
    }
}

void parse_stream(const std::string& path, Totals& totals) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "bare_parse: cannot open " << path << "\n";
        return;
    }
    std::string line, text;
    while (std::getline(in, line)) {
        totals.bytes += line.size() + 1;
        if (starts_document(line) && has_content(text)) {
            parse_one(text, totals);
            text.clear();
        }
        text += line;
        text += '\n';
    }
    parse_one(text, totals);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: bare_parse FILE|DIR...\n";
        return 64;
    }
    Totals totals;
    for (int i = 1; i < argc; ++i) {
        std::vector<std::string> files;
        if (fs::is_directory(argv[i])) {
            for (const auto& e : fs::recursive_directory_iterator(argv[i])) {
                auto ext = e.path().extension();
                if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(e.path().string());
            }
            std::sort(files.begin(), files.end());
        } else {
            files.push_back(argv[i]);
        }
        for (const auto& f : files) parse_stream(f, totals);
    }
    std::printf("%ld documents, %llu bytes\n", totals.documents, totals.bytes);
    return 0;
}
