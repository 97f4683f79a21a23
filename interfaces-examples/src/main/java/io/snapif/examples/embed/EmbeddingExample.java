package io.snapif.examples.embed;

import io.snapif.catalog.InterfaceCatalog;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.DeclarationParser;
import io.snapif.manager.ChangeReport;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import io.snapif.manager.RememberedConnection;
import io.snapif.model.Connection;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Snap;
import io.snapif.policy.DroolsPolicyEvaluator;
import io.snapif.spi.ConnectionListener;
import io.snapif.spi.PolicyEvaluator;
import io.snapif.store.FileStateStore;
import io.snapif.yaml.SnapYaml;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small program using snapif as a library, the way a device agent would:
 *
 * <ol>
 *   <li>open a manager on a state file ({@link FileStateStore}) with a policy and a listener;
 *   <li>install snaps from their snap.yaml ({@link SnapYaml}) with their store identities;
 *   <li>react to connection events: the listener hears of every connection made or taken
 *       back, after it is committed;
 *   <li>connect and disconnect by hand, see what is remembered;
 *   <li>close, reopen the same file, and find the same connections.
 * </ol>
 *
 * <p>Run it with {@code java -cp ... io.snapif.examples.embed.EmbeddingExample [STATE-FILE]}.
 */
public final class EmbeddingExample {
  private static final String VLC = """
      name: vlc
      version: 3.0.20
      summary: The ultimate media player
      apps:
        vlc:
          command: bin/vlc
          plugs: [audio-playback, audio-record, camera, desktop, home, network]
      """;

  private static final String MEDIA_SERVER = """
      name: jellyfin
      version: 10.8.13
      summary: The Free Software Media System
      apps:
        jellyfin:
          command: bin/jellyfin
          daemon: simple
          plugs: [network, network-bind, removable-media]
      """;

  private final PolicyEvaluator policy;
  private final PrintStream out;
  private final List<String> events = new ArrayList<>();

  /** An example deciding with {@code policy} and telling {@code out} what happens. */
  public EmbeddingExample(PolicyEvaluator policy, PrintStream out) {
    this.policy = policy;
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    Path state = args.length > 0 ? Path.of(args[0])
        : Files.createTempDirectory("snapif-embed").resolve("state.json");
    PolicyEvaluator policy = DroolsPolicyEvaluator.builder()
        .baseDeclaration(DeclarationParser.builtinBaseDeclaration())
        .build();
    new EmbeddingExample(policy, System.out).run(state);
  }

  /**
   * Runs the example on {@code stateFile} (which should not exist yet).
   *
   * @return the events the listener heard, in order ({@code connected vlc:home core:home})
   */
  public List<String> run(Path stateFile) {
    try (InterfaceManager manager = open(stateFile)) {
      install(manager, VLC, "videolan");
      install(manager, MEDIA_SERVER, "jellyfin");

      // the user grants vlc the camera, then takes home back
      manager.apply(new Operation.Connect("vlc", "camera", Optional.empty(), Optional.empty()));
      manager.apply(new Operation.Disconnect(
          "vlc", "home", Optional.of(""), Optional.of("home"), false));
      manager.remembered().forEach(r -> out.println("remembered: " + r));
    }
    try (InterfaceManager reopened = open(stateFile)) {
      out.println("after reopening, " + reopened.established().size() + " connections:");
      reopened.established().keySet().forEach(id -> out.println("  " + id));
    }
    return List.copyOf(events);
  }

  private InterfaceManager open(Path stateFile) {
    return InterfaceManager.builder()
        .policy(policy)
        .device(Device.classicUbuntu())
        .store(FileStateStore.open(stateFile))
        .listener(new ConnectionListener() {
          @Override
          public void connected(Connection c) {
            heard("connected " + c.id() + (c.auto() ? " (auto)" : " (manual)"));
          }

          @Override
          public void disconnected(Connection c) {
            heard("disconnected " + c.id());
          }

          @Override
          public void remembered(RememberedConnection r) {
            heard("remembered " + r.connection().id() + " (" + r.why() + ")");
          }
        })
        .build();
  }

  private void heard(String event) {
    events.add(event);
    out.println("event: " + event);
  }

  /** Installs a store snap (no grants in its declaration) from its snap.yaml. */
  private void install(InterfaceManager manager, String snapYaml, String publisher) {
    Snap read = SnapYaml.read(snapYaml, "snap.yaml", InterfaceCatalog.builtin());
    Snap snap = Snap.builder().from(read)
        .snapId(read.name() + "-id")
        .publisherId(publisher)
        .build();
    ChangeReport report = manager.apply(new Operation.Install(
        InstalledSnap.builder().snap(snap).declaration(Declaration.empty()).build()));
    out.println("installed " + snap.name() + ": " + report.added().size()
        + " automatic connections");
  }
}
