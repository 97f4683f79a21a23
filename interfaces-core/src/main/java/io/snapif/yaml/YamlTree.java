package io.snapif.yaml;

import io.snapif.catalog.sanitizers.GoText;
import io.snapif.yaml.YamlNode.Entry;
import io.snapif.yaml.YamlNode.Mapping;
import io.snapif.yaml.YamlNode.Null;
import io.snapif.yaml.YamlNode.Scalar;
import io.snapif.yaml.YamlNode.Sequence;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML text into {@link YamlNode}s with the typing of go-yaml v2, the parser snapd uses:
 * YAML 1.1 booleans ({@code yes}, {@code no}, {@code on}, {@code off}, {@code y}, {@code n}),
 * integers in Go's bases ({@code 0x1F}, {@code 017}, {@code 0b101}; underscores ignored),
 * anything quoted or in a block scalar a string, timestamps left as strings. Only the first
 * document of a stream counts, as with go-yaml's {@code Unmarshal}.
 *
 * <p>Unlike go-yaml's non-strict {@code Unmarshal}, a key repeated in one mapping is an error.
 * SnakeYAML does the syntax; this class does the typing, so SnakeYAML's own (different) YAML 1.1
 * resolver is replaced by one that only records whether a scalar was plain.
 *
 * <p>Bounded by {@link InputLimits}: size ({@link InputLimits#MAX_METADATA_BYTES}, checked
 * before parsing), nesting, aliases of collections, and the nodes aliases expand to.
 */
final class YamlTree {
  private static final Pattern PLAIN_FLOAT =
      Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
  private static final Pattern ANCHOR = Pattern.compile("^[0-9A-Za-z_-]+$");
  private static final Pattern DOT_FLOAT = Pattern.compile("^\\.[0-9]+([eE][-+]?[0-9]+)?$");
  private static final Pattern TIMESTAMP_TEXT =
      Pattern.compile("^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?$");
  private static final Map<String, Object> KEYWORDS = keywords();

  /** Tag SnakeYAML gives untagged plain scalars here; resolution happens in {@link #scalar}. */
  private static final Tag PLAIN = new Tag("tag:snapif.io,2024:plain");

  /** Stateless, so one serves every parse. */
  private static final PlainResolver RESOLVER = new PlainResolver();

  private int nodes;

  private YamlTree() {}

  /**
   * The first document of {@code text}; empty for an empty document or stream.
   *
   * @throws YamlProblem for malformed YAML, repeated keys, recursive or excessive aliases, or
   *     a document over one of the {@link InputLimits}
   */
  static Optional<YamlNode> parse(String text) {
    try {
      InputLimits.checkSize(text, "", InputLimits.MAX_METADATA_BYTES);
    } catch (DocumentTooLargeException e) {
      throw new YamlProblem(0, e.problem());
    }
    LoaderOptions options = InputLimits.loaderOptions(InputLimits.MAX_METADATA_BYTES);
    options.setAllowDuplicateKeys(true); // checked here, with go-yaml's key identity
    options.setTagInspector(tag -> true); // tags are only read, never instantiated
    Node root;
    try {
      Composer composer = new Composer(
          new ParserImpl(new StreamReader(text), options), RESOLVER, options);
      root = composer.checkNode() ? composer.getNode() : null;
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new YamlProblem(mark == null ? 0 : mark.getLine() + 1, syntaxMessage(e));
    } catch (YAMLException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new YamlProblem(0,
          InputLimits.problem(e).orElse("cannot parse YAML: " + e.getMessage()));
    }
    if (root == null) {
      return Optional.empty();
    }
    Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
    YamlNode node = new YamlTree().convert(root, open);
    return node instanceof Scalar s && s.isNull() ? Optional.empty() : Optional.of(node);
  }

  private static String syntaxMessage(MarkedYAMLException e) {
    String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
    return e.getContext() != null ? e.getContext() + ": " + problem : problem;
  }

  private YamlNode convert(Node node, Set<Node> open) {
    if (++nodes > InputLimits.MAX_EXPANDED_NODES) {
      throw new YamlProblem(line(node), "too many aliases: the document expands to more than "
          + InputLimits.MAX_EXPANDED_NODES + " nodes (excessive aliasing)");
    }
    // libyaml (go-yaml) only takes letters, digits, '_' and '-' in anchor names; SnakeYAML more.
    if (node.getAnchor() != null && !ANCHOR.matcher(node.getAnchor()).matches()) {
      throw new YamlProblem(line(node), "did not find expected alphabetic or numeric character");
    }
    if (node instanceof ScalarNode s) {
      return scalar(s);
    }
    if (!open.add(node)) {
      throw new YamlProblem(line(node), "anchor value contains itself");
    }
    try {
      if (node instanceof SequenceNode seq) {
        List<YamlNode> items = new ArrayList<>(seq.getValue().size());
        for (Node item : seq.getValue()) {
          items.add(convert(item, open));
        }
        return new Sequence(List.copyOf(items), line(node));
      }
      return mapping((MappingNode) node, open);
    } finally {
      open.remove(node);
    }
  }

  private Mapping mapping(MappingNode node, Set<Node> open) {
    // Later assignments win as in go-yaml (a merge after a key overrides it); only explicit
    // keys count as repeats.
    Map<String, Entry> entries = new LinkedHashMap<>();
    Set<String> explicit = new HashSet<>();
    for (NodeTuple tuple : node.getValue()) {
      YamlNode key = convert(tuple.getKeyNode(), open);
      if (!(key instanceof Scalar k)) {
        throw new YamlProblem(key.line(), "invalid map key: a " + key.tag() + " cannot be a key");
      }
      YamlNode value = convert(tuple.getValueNode(), open);
      if (isMergeKey(tuple.getKeyNode(), k)) {
        merge(entries, value);
        continue;
      }
      String id = keyIdentity(k);
      if (!explicit.add(id)) {
        throw new YamlProblem(k.line(), "key " + GoText.quote(id) + " already set in map");
      }
      entries.put(id, new Entry(k, value));
    }
    return new Mapping(List.copyOf(entries.values()), line(node));
  }

  private static void merge(Map<String, Entry> into, YamlNode value) {
    if (value instanceof Mapping m) {
      m.entries().forEach(e -> into.put(keyIdentity(e.key()), e));
    } else if (value instanceof Sequence seq && seq.items().stream()
        .allMatch(Mapping.class::isInstance)) {
      // Earlier maps of the list take precedence, so they are applied last.
      for (int i = seq.items().size() - 1; i >= 0; i--) {
        ((Mapping) seq.items().get(i)).entries()
            .forEach(e -> into.put(keyIdentity(e.key()), e));
      }
    } else {
      throw new YamlProblem(value.line(),
          "map merge requires map or sequence of maps as the value");
    }
  }

  private static boolean isMergeKey(Node keyNode, Scalar key) {
    return key.text().equals("<<")
        && (keyNode.getTag().equals(PLAIN) || keyNode.getTag().equals(Tag.MERGE));
  }

  /** How go-yaml tells keys apart when decoding into strings: a null key is "". */
  static String keyIdentity(Scalar key) {
    return key.isNull() ? "" : key.text();
  }

  private static Scalar scalar(ScalarNode node) {
    String text = node.getValue();
    int line = line(node);
    Tag tag = node.getTag();
    if (tag.equals(PLAIN)) {
      return new Scalar(text, resolvePlain(text), line);
    }
    if (tag.equals(Tag.STR)) {
      return new Scalar(text, text, line);
    }
    if (tag.equals(Tag.BINARY)) {
      try {
        byte[] bytes = Base64.getMimeDecoder().decode(text);
        return new Scalar(text, new String(bytes, StandardCharsets.UTF_8), line);
      } catch (IllegalArgumentException e) {
        throw new YamlProblem(line, "!!binary value contains invalid base64 data");
      }
    }
    String want = shortTag(tag);
    if (tag.equals(Tag.NULL)) {
      Object v = resolvePlain(text);
      return new Scalar(text, v == Null.NULL ? v : text, line);
    }
    if (tag.equals(Tag.BOOL) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)
        || tag.equals(Tag.TIMESTAMP)) {
      Object v = resolvePlain(text);
      String got = new Scalar(text, v, line).tag();
      if (tag.equals(Tag.TIMESTAMP) && looksLikeTimestamp(text)) {
        return new Scalar(text, text, line);
      }
      if (got.equals(want)) {
        return new Scalar(text, v, line);
      }
      if (tag.equals(Tag.FLOAT) && v instanceof Long l) {
        return new Scalar(text, l.doubleValue(), line);
      }
      throw new YamlProblem(line, "cannot decode " + got + " `" + text + "` as a " + want);
    }
    // Any other tag (local "!foo", unknown "!!set" on a scalar) leaves the text as a string.
    return new Scalar(text, text, line);
  }

  private static String shortTag(Tag tag) {
    String v = tag.getValue();
    return v.startsWith(Tag.PREFIX) ? "!!" + v.substring(Tag.PREFIX.length()) : v;
  }

  private static boolean looksLikeTimestamp(String s) {
    return TIMESTAMP_TEXT.matcher(s).matches();
  }

  /** go-yaml v2's resolution of an untagged plain scalar. */
  static Object resolvePlain(String in) {
    if (in.isEmpty()) {
      return Null.NULL;
    }
    char first = in.charAt(0);
    boolean sign = first == '+' || first == '-';
    boolean digit = first >= '0' && first <= '9';
    boolean keywordStart = "yYnNtTfFoO~".indexOf(first) >= 0;
    if (!sign && !digit && !keywordStart && first != '.') {
      return in;
    }
    if (KEYWORDS.containsKey(in)) {
      return KEYWORDS.get(in);
    }
    if (keywordStart) {
      return in;
    }
    if (first == '.') {
      return DOT_FLOAT.matcher(in).matches() ? Double.parseDouble(in) : in;
    }
    String plain = in.replace("_", "");
    Optional<BigInteger> integer = GoInts.parse(plain);
    if (integer.isPresent()) {
      BigInteger v = integer.get();
      if (v.bitLength() < 64) {
        return v.longValueExact();
      }
      if (v.signum() > 0 && v.bitLength() <= 64) {
        return v; // only an unsigned 64-bit integer holds it
      }
    }
    if (PLAIN_FLOAT.matcher(plain).matches()) {
      double d = Double.parseDouble(plain);
      if (!Double.isInfinite(d)) { // Go's ParseFloat refuses out-of-range values
        return d;
      }
    }
    return in;
  }

  private static Map<String, Object> keywords() {
    Map<String, Object> m = new HashMap<>();
    for (String s : List.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On",
        "ON")) {
      m.put(s, Boolean.TRUE);
    }
    for (String s : List.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off",
        "OFF")) {
      m.put(s, Boolean.FALSE);
    }
    for (String s : List.of("~", "null", "Null", "NULL")) {
      m.put(s, Null.NULL);
    }
    for (String s : List.of(".nan", ".NaN", ".NAN")) {
      m.put(s, Double.NaN);
    }
    for (String s : List.of(".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF")) {
      m.put(s, Double.POSITIVE_INFINITY);
    }
    for (String s : List.of("-.inf", "-.Inf", "-.INF")) {
      m.put(s, Double.NEGATIVE_INFINITY);
    }
    m.put("<<", "<<");
    return Map.copyOf(m);
  }

  private static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  /** Records only whether a scalar was plain and untagged; typing is go-yaml's, done above. */
  private static final class PlainResolver extends Resolver {
    /** Registers none of SnakeYAML's YAML 1.1 patterns: {@link #resolve} never looks at them. */
    @Override
    protected void addImplicitResolvers() {}

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      return switch (kind) {
        case scalar -> implicit ? PLAIN : Tag.STR;
        case sequence -> Tag.SEQ;
        default -> Tag.MAP;
      };
    }
  }
}
