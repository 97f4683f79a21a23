package io.snapif.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.snapif.declaration.Arity;
import io.snapif.declaration.AttributeConstraint;
import io.snapif.declaration.CheckKind;
import io.snapif.declaration.ConstraintSet;
import io.snapif.declaration.Constraints;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.DeclarationException;
import io.snapif.declaration.OnClassic;
import io.snapif.declaration.Rule;
import io.snapif.declaration.Side;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The stored JSON form of a {@link Declaration}, exact rather than pretty: it writes the parsed
 * model, not the assertion text, so reading it back gives an equal declaration.
 *
 * <pre>
 * {"plugs": {"camera": {"allow-auto-connection": [ {constraint set}, ... ], ...}},
 *  "slots": {...}}
 * </pre>
 *
 * A rule key is a list of alternative constraint sets ({@code true} is {@code [{}]}, {@code
 * false} is {@code []}); only keys present in the rule are written. A value not written as
 * constraints keeps how it was written: {@code {"form": "literal", "alternatives": [...]}} (also
 * {@code "rule-shortcut"}, {@code "default"}). Keys the parser ignored are listed under {@code
 * "ignored-keys"}. A constraint set
 * uses the declaration's own key names; {@code on-classic} is {@code {"classic": bool,
 * "distros": [...]}}, an arity is {@code "*"} or a count. Attribute constraints are tagged
 * objects: {@code {"regex": "..."}}, {@code {"missing": true}}, {@code {"plug": "path"}} /
 * {@code {"slot": "path"}} ($PLUG/$SLOT), {@code {"any-of": [...]}}, {@code {"map": {...}}}.
 */
final class DeclarationJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DeclarationJson() {}

  static ObjectNode write(Declaration declaration) {
    ObjectNode out = NODES.objectNode();
    out.set("plugs", writeRules(declaration.plugRules()));
    out.set("slots", writeRules(declaration.slotRules()));
    if (!declaration.ignoredKeys().isEmpty()) {
      ArrayNode ignored = out.putArray("ignored-keys");
      declaration.ignoredKeys().forEach(ignored::add);
    }
    return out;
  }

  static Declaration read(JsonInput in) {
    return Declaration.builder()
        .putAllPlugRules(readRules(in.optField("plugs"), Side.PLUG))
        .putAllSlotRules(readRules(in.optField("slots"), Side.SLOT))
        .addAllIgnoredKeys(in.optField("ignored-keys").map(JsonInput::texts).orElse(List.of()))
        .build();
  }

  private static ObjectNode writeRules(Map<String, Rule> rules) {
    ObjectNode out = NODES.objectNode();
    rules.forEach((iface, rule) -> {
      ObjectNode r = out.putObject(iface);
      for (CheckKind kind : CheckKind.values()) {
        Optional.ofNullable(rule.allowKeys().get(kind))
            .ifPresent(c -> r.set(kind.allowKey(), writeConstraints(c)));
        Optional.ofNullable(rule.denyKeys().get(kind))
            .ifPresent(c -> r.set(kind.denyKey(), writeConstraints(c)));
      }
    });
    return out;
  }

  private static Map<String, Rule> readRules(Optional<JsonInput> in, Side side) {
    Map<String, Rule> out = new LinkedHashMap<>();
    if (in.isEmpty()) {
      return out;
    }
    in.get().object().forEach((iface, r) -> {
      Map<CheckKind, Constraints> allow = new LinkedHashMap<>();
      Map<CheckKind, Constraints> deny = new LinkedHashMap<>();
      Map<String, JsonInput> keys = r.object();
      for (CheckKind kind : CheckKind.values()) {
        Optional.ofNullable(keys.remove(kind.allowKey()))
            .ifPresent(c -> allow.put(kind, readConstraints(c)));
        Optional.ofNullable(keys.remove(kind.denyKey()))
            .ifPresent(c -> deny.put(kind, readConstraints(c)));
      }
      if (!keys.isEmpty()) {
        throw r.problem("unknown rule key \"" + keys.keySet().iterator().next() + "\"");
      }
      out.put(iface, Rule.builder().iface(iface).side(side)
          .putAllAllowKeys(allow).putAllDenyKeys(deny).build());
    });
    return out;
  }

  private static JsonNode writeConstraints(Constraints constraints) {
    ArrayNode alternatives = NODES.arrayNode();
    constraints.alternatives().forEach(set -> alternatives.add(writeSet(set)));
    if (constraints.form() == Constraints.Form.CONSTRAINTS) {
      return alternatives;
    }
    ObjectNode out = NODES.objectNode();
    out.put("form", constraints.form().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    out.set("alternatives", alternatives);
    return out;
  }

  private static Constraints readConstraints(JsonInput in) {
    if (in.node().isArray()) {
      return Constraints.of(in.array().stream().map(DeclarationJson::readSet).toList());
    }
    JsonInput form = in.field("form");
    Constraints.Form parsed;
    try {
      parsed = Constraints.Form.valueOf(form.text().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw form.problem("unknown form \"" + form.text() + "\"");
    }
    return Constraints.of(in.field("alternatives").array().stream()
        .map(DeclarationJson::readSet).toList(), parsed);
  }

  /** The list-valued keys of a constraint set, with their accessors. */
  private static final Map<String, Function<ConstraintSet, Optional<ImmutableList<String>>>> LISTS =
      ImmutableMap.<String, Function<ConstraintSet, Optional<ImmutableList<String>>>>builder()
          .put("plug-snap-type", ConstraintSet::plugSnapTypes)
          .put("slot-snap-type", ConstraintSet::slotSnapTypes)
          .put("plug-snap-id", ConstraintSet::plugSnapIds)
          .put("slot-snap-id", ConstraintSet::slotSnapIds)
          .put("plug-publisher-id", ConstraintSet::plugPublisherIds)
          .put("slot-publisher-id", ConstraintSet::slotPublisherIds)
          .put("plug-names", ConstraintSet::plugNames)
          .put("slot-names", ConstraintSet::slotNames)
          .put("on-store", ConstraintSet::onStore)
          .put("on-brand", ConstraintSet::onBrand)
          .put("on-model", ConstraintSet::onModel)
          .buildOrThrow();

  private static ObjectNode writeSet(ConstraintSet set) {
    ObjectNode out = NODES.objectNode();
    LISTS.forEach((key, get) -> get.apply(set).ifPresent(values -> {
      ArrayNode list = out.putArray(key);
      values.forEach(list::add);
    }));
    set.plugAttributes().ifPresent(a -> out.set("plug-attributes", writeAttribute(a)));
    set.slotAttributes().ifPresent(a -> out.set("slot-attributes", writeAttribute(a)));
    set.onClassic().ifPresent(c -> {
      ObjectNode o = out.putObject("on-classic");
      o.put("classic", c.classic());
      ArrayNode distros = o.putArray("distros");
      c.distros().forEach(distros::add);
    });
    set.slotsPerPlug().ifPresent(a -> out.put("slots-per-plug", a.toString()));
    set.plugsPerSlot().ifPresent(a -> out.put("plugs-per-slot", a.toString()));
    return out;
  }

  private static ConstraintSet readSet(JsonInput in) {
    Map<String, JsonInput> keys = in.object();
    Map<String, List<String>> lists = new LinkedHashMap<>();
    for (String key : LISTS.keySet()) {
      Optional.ofNullable(keys.remove(key)).ifPresent(v -> lists.put(key, v.texts()));
    }
    JsonInput plugAttrs = keys.remove("plug-attributes");
    JsonInput slotAttrs = keys.remove("slot-attributes");
    JsonInput onClassic = keys.remove("on-classic");
    JsonInput slotsPerPlug = keys.remove("slots-per-plug");
    JsonInput plugsPerSlot = keys.remove("plugs-per-slot");
    if (!keys.isEmpty()) {
      throw in.problem("unknown constraint \"" + keys.keySet().iterator().next() + "\"");
    }
    return ConstraintSet.builder()
        .plugSnapTypes(optList(lists, "plug-snap-type"))
        .slotSnapTypes(optList(lists, "slot-snap-type"))
        .plugSnapIds(optList(lists, "plug-snap-id"))
        .slotSnapIds(optList(lists, "slot-snap-id"))
        .plugPublisherIds(optList(lists, "plug-publisher-id"))
        .slotPublisherIds(optList(lists, "slot-publisher-id"))
        .plugNames(optList(lists, "plug-names"))
        .slotNames(optList(lists, "slot-names"))
        .onStore(optList(lists, "on-store"))
        .onBrand(optList(lists, "on-brand"))
        .onModel(optList(lists, "on-model"))
        .plugAttributes(Optional.ofNullable(plugAttrs).map(DeclarationJson::readAttribute))
        .slotAttributes(Optional.ofNullable(slotAttrs).map(DeclarationJson::readAttribute))
        .onClassic(Optional.ofNullable(onClassic).map(DeclarationJson::readOnClassic))
        .slotsPerPlug(Optional.ofNullable(slotsPerPlug).map(DeclarationJson::readArity))
        .plugsPerSlot(Optional.ofNullable(plugsPerSlot).map(DeclarationJson::readArity))
        .build();
  }

  private static OnClassic readOnClassic(JsonInput in) {
    boolean classic = in.field("classic").bool();
    List<String> distros = in.optField("distros").map(JsonInput::texts).orElse(List.of());
    if (distros.isEmpty()) {
      return OnClassic.of(classic);
    }
    if (!classic) {
      throw in.problem("distributions are only for classic systems");
    }
    return OnClassic.distros(distros);
  }

  private static Optional<ImmutableList<String>> optList(Map<String, List<String>> lists,
      String key) {
    return Optional.ofNullable(lists.get(key)).map(ImmutableList::copyOf);
  }

  private static Arity readArity(JsonInput in) {
    String text = in.text();
    if (text.equals("*")) {
      return Arity.any();
    }
    try {
      int count = Integer.parseInt(text);
      if (count > 0) {
        return Arity.of(count);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw in.problem("expected \"*\" or a positive count, not \"" + text + "\"");
  }

  private static ObjectNode writeAttribute(AttributeConstraint constraint) {
    ObjectNode out = NODES.objectNode();
    if (constraint instanceof AttributeConstraint.Regex r) {
      out.put("regex", r.source());
    } else if (constraint instanceof AttributeConstraint.Missing) {
      out.put("missing", true);
    } else if (constraint instanceof AttributeConstraint.OtherSide o) {
      out.put(o.side().word(), o.path());
    } else if (constraint instanceof AttributeConstraint.AnyOf a) {
      ArrayNode list = out.putArray("any-of");
      a.alternatives().forEach(c -> list.add(writeAttribute(c)));
    } else {
      ObjectNode map = out.putObject("map");
      ((AttributeConstraint.MapOf) constraint).entries()
          .forEach((k, c) -> map.set(k, writeAttribute(c)));
    }
    return out;
  }

  private static AttributeConstraint readAttribute(JsonInput in) {
    Map<String, JsonInput> fields = in.object();
    if (fields.size() != 1) {
      throw in.problem("expected one of regex, missing, plug, slot, any-of, map");
    }
    Map.Entry<String, JsonInput> e = fields.entrySet().iterator().next();
    JsonInput value = e.getValue();
    return switch (e.getKey()) {
      case "regex" -> {
        try {
          yield AttributeConstraint.Regex.compile(value.text());
        } catch (DeclarationException bad) {
          throw value.problem("invalid regular expression: " + bad.getMessage());
        }
      }
      case "missing" -> new AttributeConstraint.Missing();
      case "plug" -> new AttributeConstraint.OtherSide(Side.PLUG, value.text());
      case "slot" -> new AttributeConstraint.OtherSide(Side.SLOT, value.text());
      case "any-of" -> new AttributeConstraint.AnyOf(ImmutableList.copyOf(
          value.array().stream().map(DeclarationJson::readAttribute).toList()));
      case "map" -> {
        ImmutableMap.Builder<String, AttributeConstraint> map = ImmutableMap.builder();
        value.object().forEach((k, v) -> map.put(k, readAttribute(v)));
        yield new AttributeConstraint.MapOf(map.buildOrThrow());
      }
      default -> throw in.problem("unknown attribute constraint \"" + e.getKey() + "\"");
    };
  }
}
