// One YAML document as a light, read-only tree, built from yaml-cpp's parser events.
//
// YAML::Load builds a graph of reference-counted nodes, each its own allocation; for a
// record that costs as much again as the parse. The loader only ever reads the tree
// once, so it keeps the nodes in one vector, the scalars in one text buffer and the
// children in one index list. What it keeps is what YAML::Load's nodes would say: the
// kind, the scalar text, the mark, and of the tag only what the loader asks (plain,
// quoted, `!!str` or another tag): a `%TAG` prefix is never copied per node, so memory
// stays in proportion to the text. An alias is the node its anchor names (as in yaml-cpp), never a copy, so a
// cyclic alias costs nothing to build; readers only descend into keys they ask for.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/mark.h>

namespace ehcp::detail {

class YamlTree;

class YamlNode {
public:
    enum class Kind : std::uint8_t { null, scalar, sequence, map };
    // A scalar's tag: plain (`?`), quoted without a tag (`!`), `!!str`, or any other.
    enum class Tag : std::uint8_t { plain, quoted, str, other };

    YamlNode(const YamlTree& tree, std::uint32_t id) : tree_(&tree), id_(id) {}

    Kind kind() const;
    bool is_null() const { return kind() == Kind::null; }
    bool is_scalar() const { return kind() == Kind::scalar; }
    bool is_sequence() const { return kind() == Kind::sequence; }
    bool is_map() const { return kind() == Kind::map; }

    std::string_view scalar() const;  // empty unless a scalar
    Tag tag() const;                  // a scalar's tag; `plain` for other kinds
    const YAML::Mark& mark() const;

    // A sequence's entries, or a map's keys and values in turn (key, value, key, ...);
    // every pair of a map is kept, duplicates included, in document order.
    std::size_t child_count() const;
    YamlNode child(std::size_t i) const;

private:
    const YamlTree* tree_;
    std::uint32_t id_;
};

class YamlTree {
public:
    // Parses the first document of `text` (which must outlive nothing: the tree keeps
    // its own copies). Throws what yaml-cpp's parser throws (YAML::ParserException,
    // YAML::DeepRecursion). An empty document is a null root with a null mark.
    static YamlTree parse(std::string_view text);

    YamlNode root() const { return {*this, 0}; }
    std::size_t node_count() const { return nodes_.size(); }

private:
    friend class YamlNode;
    friend class TreeBuilder;

    struct NodeData {
        YamlNode::Kind kind = YamlNode::Kind::null;
        YAML::Mark mark = YAML::Mark::null_mark();
        YamlNode::Tag tag = YamlNode::Tag::plain;
        std::uint32_t text_begin = 0;  // scalar text, in text_
        std::uint32_t text_size = 0;
        std::uint32_t first_child = 0;  // in children_
        std::uint32_t child_count = 0;
    };

    std::vector<NodeData> nodes_;
    std::vector<std::uint32_t> children_;
    std::string text_;
};

inline YamlNode::Kind YamlNode::kind() const { return tree_->nodes_[id_].kind; }
inline const YAML::Mark& YamlNode::mark() const { return tree_->nodes_[id_].mark; }
inline std::size_t YamlNode::child_count() const { return tree_->nodes_[id_].child_count; }
inline YamlNode YamlNode::child(std::size_t i) const {
    return {*tree_, tree_->children_[tree_->nodes_[id_].first_child + i]};
}
inline std::string_view YamlNode::scalar() const {
    const auto& n = tree_->nodes_[id_];
    return std::string_view(tree_->text_).substr(n.text_begin, n.text_size);
}
inline YamlNode::Tag YamlNode::tag() const { return tree_->nodes_[id_].tag; }

}  // namespace ehcp::detail
