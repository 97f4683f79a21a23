package io.snapif.catalog.sanitizers;

import static io.snapif.catalog.sanitizers.Endpoints.attrs;
import static io.snapif.catalog.sanitizers.Endpoints.checkPlug;
import static io.snapif.catalog.sanitizers.Endpoints.plugFails;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** browser-support, docker-support, optical-drive, desktop, home, kubernetes-support plugs. */
class PlugFlagSanitizerTest {
  @Test
  void booleanFlags() {
    assertThat(checkPlug("browser-support", attrs("allow-sandbox", true)).asMap()).hasSize(1);
    plugFails("browser-support", attrs("allow-sandbox", "yes"))
        .hasMessage("browser-support plug requires bool with 'allow-sandbox'");
    assertThat(checkPlug("docker-support", attrs("privileged-containers", false)).asMap())
        .hasSize(1);
    plugFails("docker-support", attrs("privileged-containers", 1L))
        .hasMessage("docker-support plug requires bool with 'privileged-containers'");
    assertThat(checkPlug("optical-drive", attrs("write", true)).asMap()).hasSize(1);
    plugFails("optical-drive", attrs("write", "true"))
        .hasMessage("optical-drive \"write\" attribute must be a boolean");
    assertThat(checkPlug("desktop", attrs("mount-host-font-cache", false)).asMap()).hasSize(1);
    plugFails("desktop", attrs("mount-host-font-cache", "no"))
        .hasMessage("desktop plug requires bool with 'mount-host-font-cache'");
  }

  @Test
  void absentFlagsAreFine() {
    assertThat(checkPlug("browser-support", attrs()).isEmpty()).isTrue();
    assertThat(checkPlug("home", attrs()).isEmpty()).isTrue();
    assertThat(checkPlug("kubernetes-support", attrs()).isEmpty()).isTrue();
  }

  @Test
  void home_readMustBeAll() {
    assertThat(checkPlug("home", attrs("read", "all")).asMap()).hasSize(1);
    plugFails("home", attrs("read", "owner")).hasMessage("home plug requires \"read\" be 'all'");
  }

  @Test
  void kubernetesSupport_flavor() {
    assertThat(checkPlug("kubernetes-support", attrs("flavor", "kubeproxy")).asMap()).hasSize(1);
    plugFails("kubernetes-support", attrs("flavor", "kubectl")).hasMessage(
        "kubernetes-support plug requires \"flavor\" to be either \"kubelet\", \"kubeproxy\" "
            + "or \"autobind-unix\"");
  }

  @Test
  void snapdControl_refreshScheduleStringMustBeManaged() {
    assertThat(checkPlug("snapd-control", attrs("refresh-schedule", "managed")).asMap())
        .hasSize(1);
    plugFails("snapd-control", attrs("refresh-schedule", "daily"))
        .hasMessage("unsupported refresh-schedule value: \"daily\"");
    // snapd only looks at strings
    assertThat(checkPlug("snapd-control", attrs("refresh-schedule", 5L)).asMap()).hasSize(1);
  }
}
