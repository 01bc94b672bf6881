#include "yaml_tree.hpp"

#include <istream>
#include <limits>
#include <stdexcept>
#include <streambuf>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

namespace ehcp::detail {

namespace {

// An input stream over text that is already in memory: no copy for the parser.
class ViewBuf : public std::streambuf {
public:
    explicit ViewBuf(std::string_view text) {
        char* begin = const_cast<char*>(text.data());  // only ever read through the get area
        setg(begin, begin, begin + text.size());
    }
};

}  // namespace

// Turns parser events into YamlTree nodes the way yaml-cpp's NodeBuilder does for
// YAML::Load: same kinds, tags and marks, aliases pointing at their anchor's node.
class TreeBuilder : public YAML::EventHandler {
public:
    explicit TreeBuilder(YamlTree& tree) : tree_(tree) {}

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        add(new_node(YamlNode::Kind::null, mark, anchor));
    }
    void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
        // The parser has already rejected an alias to an undefined anchor.
        add(anchor < anchors_.size() ? anchors_[anchor] : new_node(YamlNode::Kind::null, YAML::Mark::null_mark(), 0));
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        std::uint32_t id = new_node(YamlNode::Kind::scalar, mark, anchor);
        auto& n = tree_.nodes_[id];
        n.text_begin = offset();
        tree_.text_ += value;
        n.text_size = static_cast<std::uint32_t>(value.size());
        n.tag = tag == "?"                       ? YamlNode::Tag::plain
                : tag == "!"                     ? YamlNode::Tag::quoted
                : tag == "tag:yaml.org,2002:str" ? YamlNode::Tag::str
                                                 : YamlNode::Tag::other;
        offset();  // checks the buffer still fits its offsets
        add(id);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(new_node(YamlNode::Kind::sequence, mark, anchor));
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(new_node(YamlNode::Kind::map, mark, anchor));
    }
    void OnMapEnd() override { close(); }

private:
    std::uint32_t offset() const {
        if (tree_.text_.size() > std::numeric_limits<std::uint32_t>::max())
            throw std::length_error("a document's text is too large to read");
        return static_cast<std::uint32_t>(tree_.text_.size());
    }

    std::uint32_t new_node(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (tree_.nodes_.size() >= std::numeric_limits<std::uint32_t>::max())
            throw std::length_error("a document has too many values to read");
        auto id = static_cast<std::uint32_t>(tree_.nodes_.size());
        tree_.nodes_.push_back({kind, mark});
        if (anchor != 0) {
            if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, 0);
            anchors_[anchor] = id;
        }
        return id;
    }

    // The children of every open container wait in `pending_`, innermost last; a
    // container's run moves to the tree's child list when it closes.
    void add(std::uint32_t id) {
        if (!open_.empty()) pending_.push_back(id);
    }

    void open(std::uint32_t id) { open_.push_back({id, pending_.size()}); }

    void close() {
        auto [id, first] = open_.back();
        open_.pop_back();
        auto& n = tree_.nodes_[id];
        n.first_child = static_cast<std::uint32_t>(tree_.children_.size());
        n.child_count = static_cast<std::uint32_t>(pending_.size() - first);
        tree_.children_.insert(tree_.children_.end(), pending_.begin() + static_cast<std::ptrdiff_t>(first),
                               pending_.end());
        pending_.resize(first);
        add(id);
    }

    struct Open {
        std::uint32_t id;
        std::size_t first;  // its first child in pending_
    };

    YamlTree& tree_;
    std::vector<Open> open_;
    std::vector<std::uint32_t> pending_;
    std::vector<std::uint32_t> anchors_;  // anchor number -> node
};

YamlTree YamlTree::parse(std::string_view text) {
    YamlTree tree;
    tree.nodes_.reserve(256);
    tree.children_.reserve(256);
    tree.text_.reserve(text.size());
    ViewBuf buf(text);
    std::istream in(&buf);
    YAML::Parser parser(in);
    TreeBuilder builder(tree);
    parser.HandleNextDocument(builder);
    if (tree.nodes_.empty()) tree.nodes_.push_back({});  // no document: a null root, as YAML::Load gives
    return tree;
}

}  // namespace ehcp::detail
