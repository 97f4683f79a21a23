package io.snapif.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableMap;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.spi.StateStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the connection entries of snapd's own state file ({@code /var/lib/snapd/state.json}):
 * its {@code data.conns} object, keyed {@code "plugsnap:plug slotsnap:slot"}, with {@code
 * interface}, the flags {@code auto}, {@code by-gadget}, {@code undesired} and the attribute
 * maps {@code plug-static}, {@code plug-dynamic}, {@code slot-static}, {@code slot-dynamic}.
 * Hotplug fields are ignored. Everything else in the file is left alone. Hand the result to
 * {@link io.snapif.manager.InterfaceManager#importConnections}.
 *
 * <pre>{@code
 * manager.importConnections(SnapdStateFile.readConnections(Path.of("/var/lib/snapd/state.json")));
 * }</pre>
 */
public final class SnapdStateFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SnapdStateFile() {}

  /**
   * The connection entries of the snapd state file {@code file} (none if it has no {@code
   * conns}), in the file's order; an unmodifiable map.
   *
   * @throws StateStoreException if the file cannot be read, is not JSON, or an entry is malformed
   *     (the message names the file and the entry)
   */
  public static Map<ConnectionId, Connection> readConnections(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new StateStoreException(
          "cannot read snapd state " + file + ": " + FileErrors.reason(e), e);
    }
    try {
      return parse(bytes);
    } catch (StateStoreException e) {
      throw new StateStoreException("snapd state " + file + ": " + e.getMessage(), e);
    }
  }

  static ImmutableMap<ConnectionId, Connection> parse(byte[] bytes) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new StateStoreException(FileErrors.reason(e), e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new StateStoreException("the file is empty");
    }
    Optional<JsonInput> conns = new JsonInput(tree, "").field("data").optField("conns");
    return conns.map(StateJson::readConns).orElse(ImmutableMap.of());
  }
}
