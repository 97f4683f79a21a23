package io.snapif.policy;

import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import java.lang.management.ManagementFactory;

/**
 * Not a test: how long after JVM start the built-in evaluator is ready and has made its first
 * decision. Run it alone in a fresh JVM with the test classpath.
 */
final class StartupMeasurement {
  private StartupMeasurement() {}

  public static void main(String[] args) {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long t0 = System.currentTimeMillis();
    DroolsPolicyEvaluator evaluator = DroolsPolicyEvaluator.builtin();
    long t2 = System.currentTimeMillis();
    InstalledSnap vlc = Fixtures.app("vlc").plug("camera", "camera").build();
    InstalledSnap core = Fixtures.core("camera");
    boolean allowed = evaluator.checkConnection(Fixtures.pair(vlc, "camera", core, "camera",
        Device.classicUbuntu())).allowed();
    long t3 = System.currentTimeMillis();
    System.out.printf("main entered %d ms after JVM start%n", t0 - jvmStart);
    System.out.printf("builtin() (base declaration parsed while the precompiled rules load):"
        + " %d ms%n", t2 - t0);
    System.out.printf("first decision (%s): %d ms%n", allowed ? "allowed" : "denied", t3 - t2);
    System.out.printf("ready with first decision %d ms after JVM start%n", t3 - jvmStart);
  }
}
