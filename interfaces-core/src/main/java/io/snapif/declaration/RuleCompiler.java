package io.snapif.declaration;

import static io.snapif.declaration.HeaderTree.join;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Turns the {@code plugs} / {@code slots} headers of a declaration into {@link Rule}s, validating
 * them as snapd 2.57.6 does when it assembles a snap-declaration or the base declaration.
 *
 * <p>One instance per parse: it collects the keys snapd would ignore.
 */
final class RuleCompiler {
  private static final Pattern SNAP_TYPE = Pattern.compile("core|kernel|gadget|app");
  private static final Pattern SNAP_ID = Pattern.compile("[a-z0-9A-Z]{32}");
  private static final String ACCOUNT_ID = "[a-z0-9A-Z]{32}|[-a-z0-9]{2,28}";
  // publishers may also be named by a marker such as $PLUG_PUBLISHER_ID
  private static final Pattern PUBLISHER_ID =
      Pattern.compile(ACCOUNT_ID + "|\\$[A-Z][A-Z0-9_]*");
  private static final Pattern DISTRO = Pattern.compile("[-0-9a-z._]+");
  private static final Pattern STORE_ID = Pattern.compile("[-A-Z0-9a-z_]+");
  private static final Pattern BRAND_ID = Pattern.compile(ACCOUNT_ID);
  private static final Pattern BRAND_SLASH_MODEL =
      Pattern.compile("(?:" + ACCOUNT_ID + ")/[a-zA-Z0-9](?:-?[a-zA-Z0-9])*");
  private static final Pattern SPECIAL_NAME = Pattern.compile("\\$[A-Z][A-Z0-9_]*");
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);

  /** The keys of a rule, allow and deny of each kind in turn. */
  private static final ImmutableSet<String> RULE_KEYS = ruleKeys();
  private static final List<String> ARITY_KEYS = List.of("slots-per-plug", "plugs-per-slot");
  private static final List<String> DEVICE_KEYS = List.of("on-store", "on-brand", "on-model");

  private final List<String> ignored = new ArrayList<>();

  Declaration compile(Map<String, Object> headers) {
    ImmutableDeclaration.Builder declaration = Declaration.builder();
    compileStanza(headers, Side.PLUG, declaration::putPlugRules);
    compileStanza(headers, Side.SLOT, declaration::putSlotRules);
    return declaration.ignoredKeys(ignored).build();
  }

  private void compileStanza(
      Map<String, Object> headers, Side side, BiConsumer<String, Rule> sink) {
    String header = side.word() + "s";
    Object stanza = headers.get(header);
    if (stanza == null) {
      return;
    }
    if (!(stanza instanceof Map<?, ?> rules)) {
      throw new DeclarationException(
          header, "must be a map of interface names to " + side.word() + " rules");
    }
    for (Map.Entry<?, ?> e : rules.entrySet()) {
      String iface = (String) e.getKey();
      sink.accept(iface, compileRule(side, iface, e.getValue(), join(header, iface)));
    }
  }

  private Rule compileRule(Side side, String iface, Object value, String path) {
    ImmutableRule.Builder rule = Rule.builder().iface(iface).side(side);
    Optional<Boolean> shortcut = literal(value);
    if (shortcut.isPresent()) {
      // true: every allow key true (deny keys false); false: every allow false, every deny true
      boolean allowed = shortcut.get();
      for (CheckKind kind : CheckKind.values()) {
        rule.putAllowKeys(kind, Constraints.written(allowed, Constraints.Form.RULE_SHORTCUT));
        rule.putDenyKeys(kind, Constraints.written(!allowed, Constraints.Form.RULE_SHORTCUT));
      }
      return rule.build();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new DeclarationException(
          path,
          side.word() + " rule of interface \"" + iface
              + "\" must be a map or one of the shortcuts 'true' or 'false'");
    }
    boolean any = false;
    for (CheckKind kind : CheckKind.values()) {
      for (boolean allow : new boolean[] {true, false}) {
        String key = allow ? kind.allowKey() : kind.denyKey();
        Object keyValue = map.get(key);
        if (keyValue == null) {
          continue;
        }
        any = true;
        Constraints constraints =
            compileKey(new Subrule(side, kind, allow), keyValue, join(path, key));
        if (allow) {
          rule.putAllowKeys(kind, constraints);
        } else {
          rule.putDenyKeys(kind, constraints);
        }
      }
    }
    if (!any) {
      throw new DeclarationException(
          path,
          side.word() + " rule of interface \"" + iface + "\" must specify at least one of "
              + String.join(", ", RULE_KEYS));
    }
    ignoreUnknown(map, RULE_KEYS, path);
    return rule.build();
  }

  private static ImmutableSet<String> ruleKeys() {
    ImmutableSet.Builder<String> keys = ImmutableSet.builder();
    for (CheckKind kind : CheckKind.values()) {
      keys.add(kind.allowKey(), kind.denyKey());
    }
    return keys.build();
  }

  private Constraints compileKey(Subrule subrule, Object value, String path) {
    Optional<Boolean> literal = literal(value);
    if (literal.isPresent()) {
      return Constraints.written(literal.get(), Constraints.Form.LITERAL);
    }
    if (value instanceof Map<?, ?> map) {
      return Constraints.written(ImmutableList.of(compileSet(subrule, map, path)));
    }
    if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        throw new DeclarationException(
            path, subrule.key() + " must be a map, 'true', 'false' or a non-empty list of maps");
      }
      ImmutableList.Builder<ConstraintSet> alternatives = ImmutableList.builder();
      for (int i = 0; i < list.size(); i++) {
        String altPath = join(path, Integer.toString(i));
        if (!(list.get(i) instanceof Map<?, ?> map)) {
          throw new DeclarationException(
              altPath,
              "alternative " + (i + 1) + " of " + subrule.key() + " must be a map of constraints");
        }
        alternatives.add(compileSet(subrule, map, altPath));
      }
      return Constraints.written(alternatives.build());
    }
    throw new DeclarationException(
        path, subrule.key() + " must be a map or one of the shortcuts 'true' or 'false'");
  }

  /** The subrule a constraint map belongs to: which keys it reads and what they may hold. */
  private record Subrule(Side side, CheckKind kind, boolean allow) {
    String key() {
      return allow ? kind.allowKey() : kind.denyKey();
    }

    boolean installation() {
      return kind == CheckKind.INSTALLATION;
    }

    /** {@code plug-names} etc.: installation reads only its own side. */
    List<Side> endpointSides() {
      return installation() ? List.of(side) : List.of(Side.PLUG, Side.SLOT);
    }

    /** The snap-type, snap-id and publisher-id keys snapd reads, in its order. */
    List<String> idKeys() {
      if (installation()) {
        return List.of(side.word() + "-snap-type", side.word() + "-snap-id");
      }
      String other = side == Side.PLUG ? "slot" : "plug";
      return List.of(other + "-snap-type", other + "-publisher-id", other + "-snap-id");
    }
  }

  private ConstraintSet compileSet(Subrule subrule, Map<?, ?> map, String path) {
    ImmutableConstraintSet.Builder set = ConstraintSet.builder();
    List<String> known = new ArrayList<>();
    int used = 0;
    for (Side s : subrule.endpointSides()) {
      String key = s.word() + "-names";
      known.add(key);
      Object v = map.get(key);
      if (v != null) {
        ImmutableList<String> names = nameList(key, v, join(path, key));
        if (s == Side.PLUG) {
          set.plugNames(names);
        } else {
          set.slotNames(names);
        }
        used++;
      }
    }
    for (Side s : subrule.endpointSides()) {
      String key = s.word() + "-attributes";
      known.add(key);
      Object v = map.get(key);
      if (v != null) {
        AttributeConstraint attrs = AttributeConstraintCompiler.compile(v, join(path, key));
        if (s == Side.PLUG) {
          set.plugAttributes(attrs);
        } else {
          set.slotAttributes(attrs);
        }
        used++;
      }
    }
    for (String key : subrule.idKeys()) {
      known.add(key);
      Optional<ImmutableList<String>> ids = idList(key, map, path);
      if (ids.isPresent()) {
        setIds(set, key, ids.get());
        used++;
      }
    }
    for (String key : ARITY_KEYS) {
      known.add(key);
      Object v = map.get(key);
      if (v != null) {
        Arity arity = arity(subrule, key, v, join(path, key));
        if (key.equals("slots-per-plug")) {
          set.slotsPerPlug(arity);
        } else {
          set.plugsPerSlot(arity);
        }
        used++;
      }
    }
    known.add("on-classic");
    Object onClassic = map.get("on-classic");
    if (onClassic != null) {
      set.onClassic(onClassic(onClassic, join(path, "on-classic")));
      used++;
    }
    known.addAll(DEVICE_KEYS);
    if (containsAny(map, DEVICE_KEYS)) {
      // an empty list constrains nothing but still counts as a written constraint
      stringList(map, "on-store", STORE_ID, path).ifPresent(set::onStore);
      stringList(map, "on-brand", BRAND_ID, path).ifPresent(set::onBrand);
      stringList(map, "on-model", BRAND_SLASH_MODEL, path).ifPresent(set::onModel);
      used++;
    }
    if (used == 0) {
      throw new DeclarationException(
          path, subrule.key() + " must specify at least one of " + String.join(", ", known));
    }
    ignoreUnknown(map, known, path);
    return set.build();
  }

  private static boolean containsAny(Map<?, ?> map, List<String> keys) {
    for (String key : keys) {
      if (map.containsKey(key)) {
        return true;
      }
    }
    return false;
  }

  private static void setIds(ImmutableConstraintSet.Builder set, String key, ImmutableList<String> ids) {
    switch (key) {
      case "plug-snap-type" -> set.plugSnapTypes(ids);
      case "slot-snap-type" -> set.slotSnapTypes(ids);
      case "plug-snap-id" -> set.plugSnapIds(ids);
      case "slot-snap-id" -> set.slotSnapIds(ids);
      case "plug-publisher-id" -> set.plugPublisherIds(ids);
      case "slot-publisher-id" -> set.slotPublisherIds(ids);
      default -> throw new IllegalStateException("unknown id key " + key);
    }
  }

  /** A snap-type, snap-id or publisher-id list; an empty list is no constraint, as in snapd. */
  private static Optional<ImmutableList<String>> idList(String key, Map<?, ?> map, String path) {
    Pattern valid =
        key.endsWith("-snap-type") ? SNAP_TYPE : key.endsWith("-snap-id") ? SNAP_ID : PUBLISHER_ID;
    return stringList(map, key, valid, path).filter(l -> !l.isEmpty());
  }

  /**
   * The list of strings under {@code key}, each matching {@code valid}; empty Optional when the
   * key is absent or its list empty.
   */
  private static Optional<ImmutableList<String>> stringList(
      Map<?, ?> map, String key, Pattern valid, String path) {
    Object v = map.get(key);
    return v == null ? Optional.empty() : stringList(key, v, valid, join(path, key));
  }

  /** {@code value}, a list of strings each matching {@code valid}; empty Optional if empty. */
  private static Optional<ImmutableList<String>> stringList(
      String key, Object v, Pattern valid, String keyPath) {
    if (!(v instanceof List<?> list)) {
      throw new DeclarationException(keyPath, key + " must be a list of strings");
    }
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof String s)) {
        throw new DeclarationException(keyPath, key + " must be a list of strings");
      }
      if (!valid.matcher(s).matches()) {
        throw new DeclarationException(
            join(keyPath, Integer.toString(i)),
            key + " contains an invalid element: \"" + s + "\"" + expectation(key));
      }
      out.add(s);
    }
    ImmutableList<String> result = out.build();
    return result.isEmpty() ? Optional.empty() : Optional.of(result);
  }

  private static String expectation(String key) {
    if (key.endsWith("-snap-type")) {
      return " (expected core, kernel, gadget or app)";
    }
    if (key.endsWith("-snap-id")) {
      return " (a snap-id has 32 letters and digits)";
    }
    if (key.equals("on-model")) {
      return " (expected <brand-id>/<model>)";
    }
    return "";
  }

  private static ImmutableList<String> nameList(String key, Object value, String path) {
    if (!(value instanceof List<?> list)) {
      throw new DeclarationException(
          path, key + " constraints must be a list of regexps and special $ values");
    }
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (int i = 0; i < list.size(); i++) {
      String entryPath = join(path, Integer.toString(i));
      if (!(list.get(i) instanceof String s)) {
        throw new DeclarationException(
            entryPath, key + " constraint entry must be a regexp or special $ value");
      }
      if (s.startsWith("$")) {
        if (!SPECIAL_NAME.matcher(s).matches()) {
          throw new DeclarationException(
              entryPath, key + " constraint entry special value \"" + s + "\" is invalid");
        }
      } else {
        if (s.codePoints().anyMatch(RuleCompiler::isGoSpace)) {
          throw new DeclarationException(
              entryPath, key + " constraint entry regexp contains unexpected spaces");
        }
        GoRegexp.compileAnchored(s, entryPath, key + " constraint entry");
      }
      out.add(s);
    }
    return out.build();
  }

  /** Go's unicode.IsSpace: Unicode White_Space. */
  private static boolean isGoSpace(int cp) {
    return switch (cp) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
      default -> Character.getType(cp) == Character.SPACE_SEPARATOR
          || cp == 0x2028
          || cp == 0x2029;
    };
  }

  private static Arity arity(Subrule subrule, String key, Object value, String path) {
    if (subrule.installation() || !subrule.allow()) {
      throw new DeclarationException(
          path,
          subrule.key() + " cannot specify a " + key
              + " constraint, they apply only to allow-connection and allow-auto-connection");
    }
    String invalid = key + " must be an integer >= 1 or *";
    if (!(value instanceof String s) || s.isEmpty()) {
      throw new DeclarationException(path, invalid);
    }
    if (s.equals("*")) {
      return Arity.any();
    }
    if (!INTEGER.matcher(s).matches()) {
      throw new DeclarationException(path, invalid);
    }
    BigInteger n = new BigInteger(s);
    if (n.compareTo(INT64_MAX) > 0 || n.compareTo(INT64_MIN) < 0) {
      throw new DeclarationException(path, key + " is out of range: " + s);
    }
    if (s.startsWith("0") && !s.equals("0")) {
      throw new DeclarationException(path, key + " has invalid prefix zeros: " + s);
    }
    if (n.signum() <= 0) {
      throw new DeclarationException(path, invalid);
    }
    // snapd only ever distinguishes * from a count; larger counts than int can hold stay "many"
    return Arity.of(n.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue());
  }

  private static OnClassic onClassic(Object value, String path) {
    Optional<Boolean> literal = literal(value);
    if (literal.isPresent()) {
      return OnClassic.of(literal.get());
    }
    if (value instanceof List<?>) {
      // an empty list means classic with any distribution
      return OnClassic.distros(
          stringList("on-classic", value, DISTRO, path).orElse(ImmutableList.of()));
    }
    throw new DeclarationException(
        path, "on-classic must be 'true', 'false' or a list of operating system IDs");
  }

  private static Optional<Boolean> literal(Object value) {
    if ("true".equals(value)) {
      return Optional.of(true);
    }
    if ("false".equals(value)) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  private void ignoreUnknown(Map<?, ?> map, Collection<String> known, String path) {
    for (Object key : map.keySet()) {
      if (!known.contains(key)) {
        ignored.add(join(path, (String) key));
      }
    }
  }
}
