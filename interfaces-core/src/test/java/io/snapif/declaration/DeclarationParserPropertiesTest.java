package io.snapif.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated declarations: valid trees parse into the keys that were written; arbitrary trees
 * either parse or fail with {@link DeclarationException}; a valid tree with one known-bad
 * constraint injected fails at that constraint's path.
 */
class DeclarationParserPropertiesTest {

  /** Where a constraint map sits in a generated declaration. */
  record Site(Side side, String iface, CheckKind kind, boolean allow, int alternative) {
    String key() {
      return allow ? kind.allowKey() : kind.denyKey();
    }

    String path() {
      String p = side.word() + "s/" + iface + "/" + key();
      return alternative < 0 ? p : p + "/" + alternative;
    }
  }

  /** A valid declaration and the constraint maps it contains. */
  record Generated(Map<String, Object> headers, List<Site> sites) {}

  // ---- valid declarations

  @Property(tries = 300)
  void validDeclarationsParseIntoTheWrittenRulesAndKeys(@ForAll("declarations") Generated g) {
    Declaration d = DeclarationParser.parseRules(g.headers(), "generated");
    assertThat(d.ignoredKeys()).isEmpty();
    for (Side side : Side.values()) {
      Map<?, ?> stanza = (Map<?, ?>) g.headers().getOrDefault(side.word() + "s", Map.of());
      for (Map.Entry<?, ?> e : stanza.entrySet()) {
        Rule rule = d.rule(side, (String) e.getKey()).orElseThrow();
        if (e.getValue() instanceof Map<?, ?> ruleMap) {
          for (CheckKind kind : CheckKind.values()) {
            checkKey(ruleMap.get(kind.allowKey()), rule.allowKeys().get(kind));
            checkKey(ruleMap.get(kind.denyKey()), rule.denyKeys().get(kind));
          }
        } else {
          boolean value = String.valueOf(e.getValue()).equals("true");
          assertThat(rule.allow(CheckKind.CONNECTION).isAlways()).isEqualTo(value);
          assertThat(rule.deny(CheckKind.INSTALLATION).isAlways()).isEqualTo(!value);
        }
      }
    }
  }

  private static void checkKey(Object written, Constraints parsed) {
    if (written == null) {
      assertThat(parsed).isNull();
      return;
    }
    List<?> alternatives = written instanceof List<?> l ? l : List.of(written);
    if (written instanceof Map<?, ?> || written instanceof List<?>) {
      assertThat(parsed.alternatives()).hasSize(alternatives.size());
      for (int i = 0; i < alternatives.size(); i++) {
        checkSet((Map<?, ?>) alternatives.get(i), parsed.alternatives().get(i));
      }
    } else {
      assertThat(parsed.isAlways()).isEqualTo(String.valueOf(written).equals("true"));
    }
  }

  /** Each written key shows up as its field (the generator writes only keys read there). */
  private static void checkSet(Map<?, ?> written, ConstraintSet set) {
    Map<String, Function<ConstraintSet, Optional<?>>> fields = new LinkedHashMap<>();
    fields.put("plug-snap-type", ConstraintSet::plugSnapTypes);
    fields.put("slot-snap-type", ConstraintSet::slotSnapTypes);
    fields.put("plug-snap-id", ConstraintSet::plugSnapIds);
    fields.put("slot-snap-id", ConstraintSet::slotSnapIds);
    fields.put("plug-publisher-id", ConstraintSet::plugPublisherIds);
    fields.put("slot-publisher-id", ConstraintSet::slotPublisherIds);
    fields.put("plug-attributes", ConstraintSet::plugAttributes);
    fields.put("slot-attributes", ConstraintSet::slotAttributes);
    fields.put("plug-names", ConstraintSet::plugNames);
    fields.put("slot-names", ConstraintSet::slotNames);
    fields.put("on-classic", ConstraintSet::onClassic);
    fields.put("on-store", ConstraintSet::onStore);
    fields.put("on-brand", ConstraintSet::onBrand);
    fields.put("on-model", ConstraintSet::onModel);
    fields.put("slots-per-plug", ConstraintSet::slotsPerPlug);
    fields.put("plugs-per-slot", ConstraintSet::plugsPerSlot);
    fields.forEach(
        (key, field) -> assertThat(field.apply(set).isPresent()).as(key).isEqualTo(written.containsKey(key)));
  }

  @Provide
  Arbitrary<Generated> declarations() {
    Arbitrary<List<RuleDraft>> plugs = ruleDraft(Side.PLUG).list().ofMaxSize(4).uniqueElements(RuleDraft::iface);
    Arbitrary<List<RuleDraft>> slots = ruleDraft(Side.SLOT).list().ofMaxSize(4).uniqueElements(RuleDraft::iface);
    return Combinators.combine(plugs, slots, Arbitraries.of(true, false))
        .as(
            (p, s, withOtherHeaders) -> {
              Map<String, Object> headers = new LinkedHashMap<>();
              List<Site> sites = new ArrayList<>();
              if (withOtherHeaders) {
                headers.put("snap-id", "vlc-id");
                headers.put("format", 2);
              }
              headers.put("plugs", stanza(p, sites));
              headers.put("slots", stanza(s, sites));
              return new Generated(headers, sites);
            });
  }

  private static Map<String, Object> stanza(List<RuleDraft> drafts, List<Site> sites) {
    Map<String, Object> stanza = new LinkedHashMap<>();
    for (RuleDraft draft : drafts) {
      stanza.put(draft.iface(), draft.value());
      sites.addAll(draft.sites());
    }
    return stanza;
  }

  /** One generated rule: its value and the constraint maps in it. */
  record RuleDraft(String iface, Object value, List<Site> sites) {}

  private static Arbitrary<String> ifaceNames() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6);
  }

  private static Arbitrary<RuleDraft> ruleDraft(Side side) {
    Arbitrary<RuleDraft> shortcut =
        Combinators.combine(ifaceNames(), Arbitraries.of("true", "false", true, false))
            .as((iface, v) -> new RuleDraft(iface, v, List.of()));
    Arbitrary<RuleDraft> map =
        Combinators.combine(
                ifaceNames(),
                Arbitraries.subsetOf(keysOfRule()).ofMinSize(1),
                Arbitraries.integers().between(0, Integer.MAX_VALUE))
            .flatAs((iface, keys, seed) -> ruleMap(side, iface, keys));
    return Arbitraries.frequencyOf(
        Tuple.of(1, shortcut), Tuple.of(5, map));
  }

  private static List<Site> keysOfRule() {
    List<Site> keys = new ArrayList<>();
    for (CheckKind kind : CheckKind.values()) {
      keys.add(new Site(Side.PLUG, "", kind, true, -1));
      keys.add(new Site(Side.PLUG, "", kind, false, -1));
    }
    return keys;
  }

  private static Arbitrary<RuleDraft> ruleMap(Side side, String iface, Set<Site> keys) {
    List<Arbitrary<Map.Entry<Site, Object>>> entries = new ArrayList<>();
    for (Site k : keys) {
      Site site = new Site(side, iface, k.kind(), k.allow(), -1);
      entries.add(keyValue(site).map(v -> Map.entry(site, v)));
    }
    return Combinators.combine(entries)
        .as(
            list -> {
              Map<String, Object> rule = new LinkedHashMap<>();
              List<Site> sites = new ArrayList<>();
              for (Map.Entry<Site, Object> e : list) {
                rule.put(e.getKey().key(), e.getValue());
                if (e.getValue() instanceof Map<?, ?>) {
                  sites.add(e.getKey());
                } else if (e.getValue() instanceof List<?> alts) {
                  for (int i = 0; i < alts.size(); i++) {
                    Site s = e.getKey();
                    sites.add(new Site(s.side(), s.iface(), s.kind(), s.allow(), i));
                  }
                }
              }
              return new RuleDraft(iface, rule, sites);
            });
  }

  private static Arbitrary<Object> keyValue(Site site) {
    Arbitrary<Object> literal = Arbitraries.of("true", "false", true, false);
    Arbitrary<Object> one = constraintMap(site).map(m -> m);
    Arbitrary<Object> alternatives = constraintMap(site).list().ofMinSize(1).ofMaxSize(3).map(l -> l);
    return Arbitraries.oneOf(literal, one, alternatives);
  }

  /** The keys snapd reads in a constraint map of this site, with valid values. */
  private static Map<String, Arbitrary<Object>> readKeys(Site site) {
    Map<String, Arbitrary<Object>> keys = new LinkedHashMap<>();
    boolean installation = site.kind() == CheckKind.INSTALLATION;
    List<Side> endpoints = installation ? List.of(site.side()) : List.of(Side.PLUG, Side.SLOT);
    for (Side s : endpoints) {
      keys.put(s.word() + "-names", listOf(Arbitraries.of("$INTERFACE", "p[0-9]", "[a-z]+", "cam")));
      keys.put(s.word() + "-attributes", attributeMap(2).map(m -> m));
    }
    String idSide = installation ? site.side().word() : (site.side() == Side.PLUG ? "slot" : "plug");
    keys.put(idSide + "-snap-type", nonEmptyListOf(Arbitraries.of("app", "core", "gadget", "kernel")));
    keys.put(
        idSide + "-snap-id",
        nonEmptyListOf(
            Arbitraries.strings().alpha().numeric().ofLength(32).map(s -> (Object) s)));
    if (!installation) {
      keys.put(
          idSide + "-publisher-id",
          nonEmptyListOf(
              Arbitraries.of("canonical", "pub-a", "$PLUG_PUBLISHER_ID", "$SLOT_PUBLISHER_ID")));
      if (site.allow()) {
        keys.put("slots-per-plug", Arbitraries.of("*", "1", "3", 2));
        keys.put("plugs-per-slot", Arbitraries.of("*", "1", 4));
      }
    }
    keys.put(
        "on-classic",
        Arbitraries.oneOf(
            Arbitraries.of("true", "false", true, false),
            listOf(Arbitraries.of("ubuntu", "fedora", "debian"))));
    keys.put("on-store", nonEmptyListOf(Arbitraries.of("acme-store", "Store_1")));
    keys.put("on-brand", nonEmptyListOf(Arbitraries.of("acme", "canonical")));
    keys.put("on-model", nonEmptyListOf(Arbitraries.of("acme/box", "canonical/pc")));
    return keys;
  }

  private static Arbitrary<Map<String, Object>> constraintMap(Site site) {
    Map<String, Arbitrary<Object>> keys = readKeys(site);
    return Arbitraries.subsetOf(keys.keySet())
        .ofMinSize(1)
        .ofMaxSize(4)
        .flatMap(
            chosen -> {
              List<Arbitrary<Map.Entry<String, Object>>> entries = new ArrayList<>();
              for (String key : keys.keySet()) {
                if (chosen.contains(key)) {
                  entries.add(keys.get(key).map(v -> Map.entry(key, v)));
                }
              }
              return Combinators.combine(entries)
                  .as(
                      list -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        list.forEach(e -> m.put(e.getKey(), e.getValue()));
                        return m;
                      });
            });
  }

  private static Arbitrary<Object> listOf(Arbitrary<?> element) {
    return element.list().ofMaxSize(3).map(l -> (Object) l);
  }

  private static Arbitrary<Object> nonEmptyListOf(Arbitrary<?> element) {
    return element.list().ofMinSize(1).ofMaxSize(3).map(l -> (Object) l);
  }

  /** A map of attribute constraints nested up to {@code depth}. */
  private static Arbitrary<Map<String, Object>> attributeMap(int depth) {
    Arbitrary<String> names = Arbitraries.of("content", "path", "mode", "a", "b");
    return Arbitraries.maps(names, attributeValue(depth)).ofMaxSize(3).map(m -> new LinkedHashMap<>(m));
  }

  private static Arbitrary<Object> attributeValue(int depth) {
    Arbitrary<Object> scalar =
        Arbitraries.of(
            "front|back", "[a-z]+", "$MISSING", "$PLUG(content)", "$SLOT(a.b)", "true", 5, true,
            "(?i)x{2,3}", "\\d+");
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<Object> nested = attributeMap(depth - 1).map(m -> m);
    Arbitrary<Object> alternatives =
        Arbitraries.oneOf(scalar, nested).list().ofMaxSize(3).map(l -> l);
    return Arbitraries.oneOf(scalar, nested, alternatives);
  }

  // ---- arbitrary trees

  @Property(tries = 1000)
  void arbitraryTreesParseOrFailWithDeclarationException(@ForAll("trees") Map<String, Object> headers) {
    String outcome;
    try {
      DeclarationParser.parseRules(headers, "random");
      outcome = "parsed";
    } catch (DeclarationException e) {
      assertThat(e.detail()).isNotBlank();
      assertThat(e.getMessage()).startsWith("random: ");
      outcome = "rejected";
    }
    Statistics.label("outcome").collect(outcome);
    // the generator must reach both outcomes, or the property says little
    Statistics.label("outcome")
        .coverage(
            c -> {
              c.check("parsed").count(n -> n > 0);
              c.check("rejected").count(n -> n > 0);
            });
  }

  @Provide
  Arbitrary<Map<String, Object>> trees() {
    Arbitrary<Object> rules = tree(3);
    return Combinators.combine(ruleStanza(rules), ruleStanza(rules))
        .as(
            (p, s) -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("plugs", p);
              m.put("slots", s);
              return m;
            });
  }

  private static Arbitrary<Object> ruleStanza(Arbitrary<Object> rules) {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.maps(ifaceNames(), rules).ofMaxSize(3).map(m -> (Object) m)),
        Tuple.of(1, rules));
  }

  /** Random values over the words of the constraint language, nested up to {@code depth}. */
  private static Arbitrary<Object> tree(int depth) {
    Arbitrary<Object> scalars =
        Arbitraries.oneOf(
            Arbitraries.of(
                "true", "false", "*", "0", "1", "01", "-1", "x", "", "$MISSING", "$PLUG(a)",
                "$SLOT(", "$INTERFACE", "$X", "a(", "[", "\\1", "core", "base", "acme/box", "a b",
                "ubuntu", "Ubuntu"),
            Arbitraries.of(true, false, 0, 2, -3, 1.5),
            Arbitraries.strings().ofMaxLength(6).map(s -> s));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.of(
                "allow-installation", "deny-installation", "allow-connection", "deny-connection",
                "allow-auto-connection", "deny-auto-connection", "plug-snap-type", "slot-snap-type",
                "plug-snap-id", "slot-snap-id", "plug-publisher-id", "slot-publisher-id",
                "plug-attributes", "slot-attributes", "plug-names", "slot-names", "on-classic",
                "on-store", "on-brand", "on-model", "slots-per-plug", "plugs-per-slot", "content"),
            Arbitraries.strings().alpha().ofMaxLength(4));
    Arbitrary<Object> sub = Arbitraries.lazy(() -> tree(depth - 1));
    Arbitrary<Object> maps = Arbitraries.maps(keys, sub).ofMaxSize(4).map(m -> m);
    Arbitrary<Object> lists = sub.list().ofMaxSize(3).map(l -> l);
    return Arbitraries.frequencyOf(
        Tuple.of(2, scalars),
        Tuple.of(4, maps),
        Tuple.of(2, lists));
  }

  // ---- one known-bad constraint in a valid tree

  /** A bad constraint, valid as a tree but rejected wherever snapd reads its key. */
  record Injection(String key, Object value) {}

  @Property(tries = 300)
  void oneBadConstraintInAValidTreeIsRejectedAtItsPath(
      @ForAll("declarations") Generated g,
      @ForAll("injections") Injection bad,
      @ForAll @IntRange(max = 1000) int pick) {
    Assume.that(!g.sites().isEmpty());
    Site site = g.sites().get(pick % g.sites().size());
    Map<String, Object> headers = deepCopy(g.headers());
    String key = bad.key().replace("SIDE", site.side().word());
    constraintMap(headers, site).put(key, bad.value());
    assertThatThrownBy(() -> DeclarationParser.parseRules(headers, "mutated"))
        .isInstanceOfSatisfying(
            DeclarationException.class,
            e -> assertThat(e.path()).startsWith(site.path() + "/" + key));
  }

  @Provide
  Arbitrary<Injection> injections() {
    return Arbitraries.of(
        new Injection("on-classic", "maybe"),
        new Injection("on-classic", List.of("Ubuntu")),
        new Injection("on-store", "acme"),
        new Injection("on-brand", List.of("A")),
        new Injection("on-model", List.of("acme")),
        new Injection("SIDE-names", "p1"),
        new Injection("SIDE-names", List.of("a b")),
        new Injection("SIDE-attributes", "scalar"),
        new Injection("SIDE-attributes", Map.of("a", "$PLUG(x,y)")),
        new Injection("SIDE-attributes", Map.of("a", List.of(List.of("x")))),
        new Injection("SIDE-attributes", Map.of("a", "(?<=x)")),
        new Injection("slots-per-plug", "0"),
        new Injection("plugs-per-slot", "007"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> constraintMap(Map<String, Object> headers, Site site) {
    Map<String, Object> stanza = (Map<String, Object>) headers.get(site.side().word() + "s");
    Map<String, Object> rule = (Map<String, Object>) stanza.get(site.iface());
    Object value = rule.get(site.key());
    return (Map<String, Object>) (site.alternative() < 0 ? value : ((List<?>) value).get(site.alternative()));
  }

  @SuppressWarnings("unchecked")
  private static <T> T deepCopy(T value) {
    if (value instanceof Map<?, ?> m) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(k, deepCopy(v)));
      return (T) copy;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      l.forEach(v -> copy.add(deepCopy(v)));
      return (T) copy;
    }
    return value;
  }
}
