// Resources of one stack: which are added, removed or modified, which changed paths replace the
// resource (create-only properties of the registry schema), and which removed/added pairs are one
// resource whose logical id changed (CloudFormation then deletes the old and creates the new).
#include <algorithm>
#include <map>
#include <set>

#include "internal.hpp"
#include "resolve.hpp"
#include "ttsgen/cfn/stateful.hpp"
#include "ttsgen/diff/create_only.hpp"

namespace ttsgen::diff::detail {

using cfn::Value;

namespace {

const Value kNoResources = Value::map();

std::string type_of(const Value& resource) {
  const Value* t = resource.is_map() ? resource.find("Type") : nullptr;
  return t && t->is_string() ? t->text() : "";
}

const Value& properties_of(const Value& resource) {
  static const Value empty = Value::map();
  const Value* p = resource.is_map() ? resource.find("Properties") : nullptr;
  return p && p->is_map() ? *p : empty;
}

// "TargetType" from "/properties/TargetType"; "PosixUser/Uid" from "/properties/PosixUser/Uid".
std::string property_name(std::string_view pointer) {
  constexpr std::string_view prefix = "/properties/";
  return std::string(pointer.starts_with(prefix) ? pointer.substr(prefix.size()) : pointer);
}

// The value below `root` at the schema segments of `pointer` after its first `skip` segments;
// nullptr when absent. A "*" segment cannot be followed without an index and yields nullptr.
const Value* follow(const Value* root, std::string_view pointer, std::size_t skip) {
  auto parts = pointer_segments(pointer);
  for (std::size_t i = skip; i < parts.size() && root; ++i) {
    if (parts[i] == "*" || !root->is_map()) return nullptr;
    root = root->find(parts[i]);
  }
  return root;
}

// An expression (Ref, Fn::If, Fn::ImportValue, ...) on either side: CloudFormation compares the
// resolved values, so the diff evaluates them (resolve.hpp).
bool is_expression(const Value* before, const Value* after) {
  return (before && has_intrinsics(*before)) || (after && has_intrinsics(*after));
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& i : items) text += (text.empty() ? "" : ", ") + i;
  return text;
}

// UpdatePolicy AutoScalingReplacingUpdate WillReplace: true (a literal; an expression counts as
// possibly true).
bool will_replace(const Value& resource) {
  const Value* policy = resource.is_map() ? resource.find("UpdatePolicy") : nullptr;
  const Value* replacing = policy && policy->is_map() ? policy->find("AutoScalingReplacingUpdate") : nullptr;
  const Value* will = replacing && replacing->is_map() ? replacing->find("WillReplace") : nullptr;
  if (!will) return false;
  if (will->kind() == Value::Kind::Bool) return will->as_bool();
  return !will->is_string() || will->text() == "true";
}

// The documents the resources belong to: conditions and mappings for the evaluation.
struct Documents {
  const Value& before;
  const Value& after;
};

void classify(const Documents& docs, const std::string& type, const Value& after_resource, PropertyChange& p) {
  std::string pointer = schema_pointer(p.change.path);
  if (pointer.empty()) return;  // an attribute (DeletionPolicy, Condition, Metadata, ...): updated in place
  if (!has_schema(type)) {
    p.replacement = Replacement::Conditional;
    p.reason = "no registry schema for " + type + " is vendored: whether this replaces the resource is unknown";
    return;
  }
  CreateOnly co = create_only(type, pointer);
  std::string name = property_name(pointer);
  std::string member_pointer = pointer;
  // The values of the create-only property on each side (the changed value, or a member of it).
  const Value* before = p.change.before ? &*p.change.before : nullptr;
  const Value* after = p.change.after ? &*p.change.after : nullptr;
  if (co == CreateOnly::No) {
    // A change to an object that contains create-only members replaces only if one of them changed.
    for (const auto& member : create_only_members(type, pointer)) {
      std::size_t skip = pointer_segments(pointer).size();
      const Value* b = p.change.before ? follow(&*p.change.before, member.pointer, skip) : nullptr;
      const Value* a = p.change.after ? follow(&*p.change.after, member.pointer, skip) : nullptr;
      bool unknown = member.pointer.find('*') != std::string_view::npos;
      if (!unknown && ((b == nullptr) == (a == nullptr)) && (!b || same_value(*b, *a))) continue;
      co = member.conditional ? CreateOnly::Conditional : CreateOnly::Yes;
      name = property_name(member.pointer);
      member_pointer = std::string(member.pointer);
      if (!unknown) before = b, after = a;
      if (co == CreateOnly::Yes) break;
    }
  }
  if (co == CreateOnly::No) return;
  if (co == CreateOnly::Conditional) {
    const UpdateOverride* rule = update_override(type, member_pointer);
    if (!rule) {
      p.replacement = Replacement::Conditional;
      p.reason = name + " is conditionally create-only for " + type +
                 " and no rule of the CloudFormation reference is recorded for it: CloudFormation replaces the resource in some cases";
      return;
    }
    if (rule->rule == UpdateRule::InPlace || !will_replace(after_resource)) {
      p.reason = name + " is updated in place (" + std::string(rule->source) + ")";
      return;
    }
    p.reason = name + " replaces the group because its UpdatePolicy has AutoScalingReplacingUpdate WillReplace (" +
               std::string(rule->source) + ")";
  } else {
    p.reason = name + " is create-only for " + type;
  }
  if (!is_expression(before, after)) {
    p.replacement = Replacement::True;
    return;
  }
  ResolvedComparison resolved = compare_resolved(docs.before, before, docs.after, after);
  p.replacement = resolved.outcome;
  if (resolved.outcome == Replacement::False) {
    p.reason += "; the resolved value is the same for every parameter value, so the resource is not replaced";
  } else if (resolved.outcome == Replacement::True) {
    p.reason += "; the resolved value changes for every parameter value";
  } else {
    p.depends_on = resolved.depends_on;
    p.reason += "; whether the resolved value changes depends on " + joined(resolved.depends_on) +
                " (with the defaults it " + resolved.with_defaults + ")";
  }
}

// What a removal or a replacement of a stateful resource loses, unless a policy keeps it:
// DeletionPolicy for a removal, UpdateReplacePolicy for a replacement (CloudFormation reference,
// "DeletionPolicy attribute" and "UpdateReplacePolicy attribute").
std::string data_loss(const Value& resource, const std::string& type, std::string_view policy_attribute) {
  const cfn::StatefulType* stateful = cfn::stateful_type(type);
  if (!stateful) return "";
  const Value* policy = resource.is_map() ? resource.find(policy_attribute) : nullptr;
  if (policy && policy->is_string() && (policy->text() == "Retain" || policy->text() == "RetainExceptOnCreate" ||
                                        (policy->text() == "Snapshot" && stateful->snapshot_supported)))
    return "";
  return std::string(stateful->holds) + " is lost (no " + std::string(policy_attribute) + " Retain" +
         (stateful->snapshot_supported ? " or Snapshot" : "") + ")";
}

ResourceChange modified(const Documents& docs, const std::string& before_id, const Value& before, const std::string& after_id,
                        const Value& after) {
  ResourceChange r;
  r.kind = Change::Modified;
  r.id = after_id;
  r.type = type_of(after);
  r.before = before;
  r.after = after;
  if (before_id != after_id) {
    r.previous_id = before_id;
    r.replacement = Replacement::True;
    r.reasons.push_back("the logical id changed from " + before_id + " to " + after_id +
                        ": CloudFormation creates " + after_id + " and deletes " + before_id);
  }
  if (type_of(before) != r.type) {
    r.previous_type = type_of(before);
    r.replacement = Replacement::True;
    r.reasons.push_back("the type changed from " + r.previous_type + " to " + r.type);
  }
  std::set<std::string> depends_on;
  for (auto& c : diff_values(before, after)) {
    if (c.path.size() == 1 && c.path.front().key == "Type") continue;  // reported as previous_type
    PropertyChange p{std::move(c), Replacement::False, "", {}};
    if (r.previous_type.empty()) classify(docs, r.type, after, p);
    r.replacement = std::max(r.replacement, p.replacement);
    depends_on.insert(p.depends_on.begin(), p.depends_on.end());
    r.changes.push_back(std::move(p));
  }
  if (r.replacement == Replacement::Conditional) r.depends_on.assign(depends_on.begin(), depends_on.end());
  r.new_revision = r.replacement == Replacement::True && r.type == "AWS::ECS::TaskDefinition" && r.previous_id.empty();
  if (r.replacement != Replacement::False) {
    // A logical id change deletes the old resource: its DeletionPolicy decides.
    r.data_loss = data_loss(r.previous_id.empty() ? after : before, r.type,
                            r.previous_id.empty() ? "UpdateReplacePolicy" : "DeletionPolicy");
    if (!r.data_loss.empty() && r.replacement == Replacement::Conditional) r.data_loss = "if replaced, " + r.data_loss;
  }
  return r;
}

// How alike two resources' Properties are: the share of property names, over both, whose values
// are equal. 1 for two resources without properties.
double similarity(const Value& a, const Value& b) {
  const Value& pa = properties_of(a);
  const Value& pb = properties_of(b);
  std::size_t names = 0, equal = 0;
  for (const auto& e : pa.entries()) {
    ++names;
    if (const Value* other = pb.find(e.key); other && same_value(*other, e.value)) ++equal;
  }
  for (const auto& e : pb.entries())
    if (!pa.find(e.key)) ++names;
  return names == 0 ? 1.0 : static_cast<double>(equal) / static_cast<double>(names);
}

// Removed and added resources of one type whose properties mostly agree, and agree on every
// create-only property, are taken for one resource with a new logical id. The bar is high: a false
// pairing would hide an addition (a target group on another port is another target group).
constexpr double kSameResource = 0.8;

bool same_create_only_properties(const Value& a, const Value& b) {
  std::string type = type_of(a);
  const Value& pa = properties_of(a);
  const Value& pb = properties_of(b);
  auto differs = [&](const Value::Entry& e, const Value& other) {
    const Value* o = other.find(e.key);
    return (!o || !same_value(*o, e.value)) && create_only(type, "/properties/" + e.key) == CreateOnly::Yes;
  };
  for (const auto& e : pa.entries())
    if (differs(e, pb)) return false;
  for (const auto& e : pb.entries())
    if (differs(e, pa)) return false;
  return true;
}

}  // namespace

std::vector<ResourceChange> compare_resources(const Value& before_document, const Value& after_document) {
  const Documents docs{before_document, after_document};
  const Value* before = before_document.is_map() && before_document.find("Resources") ? before_document.find("Resources") : &kNoResources;
  const Value* after = after_document.is_map() && after_document.find("Resources") ? after_document.find("Resources") : &kNoResources;
  std::vector<ResourceChange> changes;
  std::vector<const Value::Entry*> removed, added;
  for (const auto& e : before->entries()) {
    if (const Value* other = after->find(e.key)) {
      ResourceChange r = modified(docs, e.key, e.value, e.key, *other);
      if (!r.changes.empty() || !r.previous_type.empty()) changes.push_back(std::move(r));
    } else {
      removed.push_back(&e);
    }
  }
  for (const auto& e : after->entries())
    if (!before->find(e.key)) added.push_back(&e);

  // Pair removed with added resources, best match first; ties go to declaration order.
  struct Candidate {
    double score;
    std::size_t r, a;
  };
  std::vector<Candidate> candidates;
  for (std::size_t r = 0; r < removed.size(); ++r)
    for (std::size_t a = 0; a < added.size(); ++a) {
      if (type_of(removed[r]->value) != type_of(added[a]->value)) continue;
      double score = similarity(removed[r]->value, added[a]->value);
      if (score >= kSameResource && same_create_only_properties(removed[r]->value, added[a]->value))
        candidates.push_back({score, r, a});
    }
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) { return x.score > y.score; });
  std::vector<bool> removed_paired(removed.size()), added_paired(added.size());
  for (const auto& c : candidates) {
    if (removed_paired[c.r] || added_paired[c.a]) continue;
    removed_paired[c.r] = added_paired[c.a] = true;
    changes.push_back(modified(docs, removed[c.r]->key, removed[c.r]->value, added[c.a]->key, added[c.a]->value));
  }
  // The rest are removed or added; the whole resource goes with them.
  auto unpaired = [&changes](Change kind, const std::vector<const Value::Entry*>& entries, const std::vector<bool>& paired) {
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (paired[i]) continue;
      ResourceChange rc;
      rc.kind = kind;
      rc.id = entries[i]->key;
      rc.type = type_of(entries[i]->value);
      (kind == Change::Removed ? rc.before : rc.after) = entries[i]->value;
      if (kind == Change::Removed) rc.data_loss = data_loss(rc.before, rc.type, "DeletionPolicy");
      changes.push_back(std::move(rc));
    }
  };
  unpaired(Change::Removed, removed, removed_paired);
  unpaired(Change::Added, added, added_paired);
  return changes;
}

}  // namespace ttsgen::diff::detail
