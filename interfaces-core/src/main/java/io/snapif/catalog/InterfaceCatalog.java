package io.snapif.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.snapif.catalog.sanitizers.AttributeCheckException;
import io.snapif.catalog.sanitizers.GoText;
import io.snapif.catalog.sanitizers.Sanitizer;
import io.snapif.catalog.sanitizers.Sanitizers;
import io.snapif.catalog.sanitizers.SnapContext;
import io.snapif.model.Attributes;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Optional;

/**
 * The interfaces snapif knows: all 177 built-in interfaces of snapd 2.57.6, with their summaries
 * and implicit-slot flags, and the attribute checks of those that have one.
 *
 * <pre>{@code
 * InterfaceCatalog catalog = InterfaceCatalog.builtin();
 * catalog.find("camera").map(InterfaceInfo::summary);     // "allows access to all cameras"
 * catalog.implicitOn(true);                               // the system snap's slots on classic
 * Plug checked = catalog.sanitizePlug(plug, context);     // content gets its defaults
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #builtin()} is read from the resource
 * {@code io/snapif/catalog/interfaces.json} once and shared. No method returns or accepts null.
 */
public final class InterfaceCatalog {
  private static final String RESOURCE = "interfaces.json";

  private final ImmutableMap<String, InterfaceInfo> byName;

  private InterfaceCatalog(ImmutableList<InterfaceInfo> interfaces) {
    this.byName = interfaces.stream()
        .sorted(Comparator.comparing(InterfaceInfo::name))
        .collect(ImmutableMap.toImmutableMap(InterfaceInfo::name, i -> i));
  }

  /** The built-in catalog (loaded on first use, then shared). */
  public static InterfaceCatalog builtin() {
    return Builtin.CATALOG;
  }

  // Holder idiom: the resource is parsed once, on first use, without locking on every call.
  private static final class Builtin {
    static final InterfaceCatalog CATALOG = load();
  }

  private static InterfaceCatalog load() {
    try (InputStream in = InterfaceCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource io/snapif/catalog/" + RESOURCE + " is missing");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      ImmutableList.Builder<InterfaceInfo> all = ImmutableList.builder();
      for (JsonNode i : root.path("interfaces")) {
        all.add(InterfaceInfo.builder()
            .name(i.path("name").asText())
            .summary(i.path("summary").asText())
            .implicitOnCore(i.path("implicit-on-core").asBoolean())
            .implicitOnClassic(i.path("implicit-on-classic").asBoolean())
            .build());
      }
      return new InterfaceCatalog(all.build());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read io/snapif/catalog/" + RESOURCE, e);
    }
  }

  /** The interface named {@code name}, if it is known. */
  public Optional<InterfaceInfo> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Whether an interface named {@code name} is known. */
  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  /** Every interface, sorted by name. */
  public ImmutableList<InterfaceInfo> all() {
    return byName.values().asList();
  }

  /**
   * The interfaces the system snap carries implicit slots of: on a classic system when
   * {@code classic} is true, else on an Ubuntu Core style system. Sorted by name.
   */
  public ImmutableList<InterfaceInfo> implicitOn(boolean classic) {
    return byName.values().stream()
        .filter(i -> i.implicitOn(classic))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * {@code plug} with its attributes checked and completed by its interface, as snapd does when
   * it reads a snap. {@code snap} describes the snap that declares it.
   *
   * @throws AttributeCheckException with snapd's reason if the interface is unknown
   *     ({@code unknown interface "x"}) or rejects the attributes
   */
  public Plug sanitizePlug(Plug plug, SnapContext snap) {
    Attributes checked = sanitizer(plug.iface()).checkPlug(plug, snap);
    return checked.equals(plug.attributes())
        ? plug : Plug.builder().from(plug).attributes(checked).build();
  }

  /** {@link #sanitizePlug(Plug, SnapContext)} for a plug of an app snap with no other plugs. */
  public Plug sanitizePlug(Plug plug) {
    return sanitizePlug(plug, SnapContext.of(plug.snap()));
  }

  /**
   * {@code slot} with its attributes checked and completed by its interface, as snapd does when
   * it reads a snap. {@code snap} describes the snap that declares it.
   *
   * @throws AttributeCheckException with snapd's reason if the interface is unknown or rejects
   *     the attributes
   */
  public Slot sanitizeSlot(Slot slot, SnapContext snap) {
    Attributes checked = sanitizer(slot.iface()).checkSlot(slot, snap);
    return checked.equals(slot.attributes())
        ? slot : Slot.builder().from(slot).attributes(checked).build();
  }

  /** {@link #sanitizeSlot(Slot, SnapContext)} for a slot of an app snap with no other slots. */
  public Slot sanitizeSlot(Slot slot) {
    return sanitizeSlot(slot, SnapContext.of(slot.snap()));
  }

  private Sanitizer sanitizer(String iface) {
    if (!contains(iface)) {
      throw new AttributeCheckException("unknown interface " + GoText.quote(iface));
    }
    return Sanitizers.forInterface(iface).orElse(NO_CHECK);
  }

  private static final Sanitizer NO_CHECK = new Sanitizer() {};

  @Override
  public String toString() {
    return "InterfaceCatalog(" + byName.size() + " interfaces)";
  }
}
