package io.snapif.policy;

import static io.snapif.policy.Fixtures.CLASSIC;
import static io.snapif.policy.Fixtures.CORE;
import static io.snapif.policy.Fixtures.app;
import static io.snapif.policy.Fixtures.core;
import static io.snapif.policy.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.declaration.DeclarationParser;
import io.snapif.manager.Decision;
import io.snapif.manager.Reason;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.AutoConnectRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The evaluator as the manager uses it, with snapd's base declaration. */
class DroolsPolicyEvaluatorTest {
  private static final DroolsPolicyEvaluator POLICY = DroolsPolicyEvaluator.builtin();
  private static final String[] VLC_PLUGS = {"audio-playback", "audio-record", "camera",
      "desktop", "home", "network", "opengl", "removable-media"};

  private static InstalledSnap vlc() {
    var spec = app("vlc").publisher("videolan");
    for (String p : VLC_PLUGS) {
      spec.plug(p, p);
    }
    return spec.build();
  }

  private static List<String> connectedPlugs(AutoConnectPlan plan) {
    return plan.connections().stream().map(id -> id.plug().name()).sorted()
        .collect(Collectors.toList());
  }

  @Test
  void ruleSetId_namesTheRulesAndChangesWithThem() {
    String drl = "package site\nimport io.snapif.policy.fact.*\n"
        + "rule \"site: nothing\" when PairCheck(plugSnap == \"none\") then end\n";
    String site = DroolsPolicyEvaluator.builder().addRules("site.drl", drl).build().ruleSetId();
    assertThat(POLICY.ruleSetId()).isEqualTo("builtin");
    assertThat(site).matches("sha256:[0-9a-f]{64}");
    assertThat(DroolsPolicyEvaluator.builder().addRules("site.drl", drl).build().ruleSetId())
        .isEqualTo(site);
    assertThat(DroolsPolicyEvaluator.builder().addRules("site.drl", drl + "// changed\n").build()
        .ruleSetId()).isNotEqualTo(site);
    assertThat(DroolsPolicyEvaluator.builder().addRules("other.drl", drl).build().ruleSetId())
        .isNotEqualTo(site);
    // An own base declaration is part of the id; the same one parsed twice gives the same id.
    java.util.function.Supplier<String> own = () -> DroolsPolicyEvaluator.builder()
        .baseDeclaration(DeclarationParser.parseRules(Map.of("slots", Map.of("home", Map.of(
            "allow-connection", Map.of("plug-attributes", Map.of("read", "all|own[a-z]+"))))),
            "own base declaration"))
        .build().ruleSetId();
    assertThat(own.get()).matches("sha256:[0-9a-f]{64}").isNotEqualTo(site).isEqualTo(own.get());
  }

  @Test
  void vlcOnClassic_autoConnectsLikeSnapd() {
    InstalledSnap vlc = vlc();
    InstalledSnap system = core(VLC_PLUGS);
    AutoConnectPlan plan = POLICY.planAutoConnect(request(vlc, List.of(system, vlc), CLASSIC));
    assertThat(connectedPlugs(plan))
        .containsExactly("audio-playback", "desktop", "home", "network", "opengl");
    Decision camera = plan.endpoints().stream().filter(e -> e.name().equals("camera"))
        .findFirst().orElseThrow().candidates().get(0);
    assertThat(camera.message())
        .isEqualTo("auto-connection denied by slot rule of interface \"camera\"");
  }

  @Test
  void vlcOnCore_autoConnectsOnlyNetworkAndOpengl() {
    InstalledSnap vlc = vlc();
    // on core the system snap has no audio-*, desktop slots
    InstalledSnap system = core("camera", "home", "network", "opengl", "removable-media");
    AutoConnectPlan plan = POLICY.planAutoConnect(request(vlc, List.of(system, vlc), CORE));
    assertThat(connectedPlugs(plan)).containsExactly("network", "opengl");
  }

  @Test
  void interfaceRefusal_stillExplainsTheOverriddenDeclarationVerdict() {
    InstalledSnap driver = app("drv").plug("nl", "netlink-driver", "family-name", "foo").build();
    InstalledSnap gadget = app("gadget").slot("nl", "netlink-driver", "family-name", "bar")
        .build();
    AutoConnectPlan plan = POLICY.planAutoConnect(request(driver, List.of(gadget, driver),
        CLASSIC));
    Decision refused = plan.endpoints().get(0).candidates().get(0);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.reasons()).hasSize(2);
    assertThat(refused.reasons().get(0).rule())
        .isEqualTo("auto-connection: netlink-driver needs the same family-name");
    assertThat(refused.reasons().get(1).detail()).startsWith("overridden: ");
    assertThat(refused.reasons()).extracting(Reason::overridden).containsExactly(false, true);
  }

  @Test
  void installationAllowed_explainsEachPlug() {
    Decision d = POLICY.checkInstallation(vlc(), CLASSIC);
    assertThat(d.allowed()).isTrue();
    assertThat(d.reasons()).hasSize(VLC_PLUGS.length);
    assertThat(d.reasons().get(0).detail()).startsWith("installation of plug vlc:audio-playback");
  }

  @Test
  void concurrentDecisions_agreeWithSequentialOnes() throws Exception {
    InstalledSnap system = core(VLC_PLUGS);
    List<AutoConnectRequest> requests = new ArrayList<>();
    List<InstalledSnap> snaps = new ArrayList<>(List.of(system));
    for (int i = 0; i < 12; i++) {
      var spec = app("app-" + i);
      for (int k = 0; k <= i % VLC_PLUGS.length; k++) {
        spec.plug(VLC_PLUGS[k], VLC_PLUGS[k]);
      }
      snaps.add(spec.build());
    }
    for (InstalledSnap s : snaps.subList(1, snaps.size())) {
      requests.add(request(s, snaps, CLASSIC));
    }
    List<List<ConnectionId>> sequential = requests.stream()
        .map(r -> POLICY.planAutoConnect(r).connections()).collect(Collectors.toList());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<ConnectionId>>> futures = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        for (AutoConnectRequest r : requests) {
          futures.add(pool.submit(() -> List.copyOf(POLICY.planAutoConnect(r).connections())));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % requests.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every candidate decision of {@code plan}, as the words people read. */
  private static List<String> words(AutoConnectPlan plan) {
    return plan.endpoints().stream().flatMap(e -> e.candidates().stream())
        .map(d -> d.subject() + " | " + d.message() + " | " + d.reasons())
        .collect(Collectors.toList());
  }

  @Test
  void decisionsWordedLate_sayWhatTheySayAtOnce() throws Exception {
    InstalledSnap system = core(VLC_PLUGS);
    InstalledSnap vlc = vlc();
    InstalledSnap other = app("other").plug("camera", "camera").plug("home", "home").build();
    AutoConnectRequest request = request(vlc, List.of(system, vlc, other), CLASSIC);
    List<String> atOnce = words(POLICY.planAutoConnect(request));
    assertThat(atOnce).hasSize(VLC_PLUGS.length)
        .anyMatch(w -> w.startsWith("vlc:camera core:camera | auto-connection denied"));

    // Worded only after other decisions have reused the pooled sessions, and on another thread.
    AutoConnectPlan late = POLICY.planAutoConnect(request);
    for (int i = 0; i < 3; i++) {
      POLICY.planAutoConnect(request(other, List.of(system, vlc, other), CLASSIC));
    }
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      assertThat(reader.submit(() -> words(late)).get()).isEqualTo(atOnce);
    } finally {
      reader.shutdownNow();
    }
  }
}
