package io.snapif.catalog.sanitizers;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Optional;

/**
 * The attribute checks of the built-in interfaces, by interface name. Only interfaces whose
 * snapd 2.57.6 implementation checks or completes attributes have one; every other interface
 * accepts any attributes unchanged.
 *
 * <p>Immutable and thread-safe: the sanitizers are stateless.
 */
public final class Sanitizers {
  private static final ImmutableMap<String, Sanitizer> BUILTIN = ImmutableMap.<String, Sanitizer>
      builder()
      .put("bool-file", new BoolFileSanitizer())
      .put("browser-support", PlugFlagSanitizer.browserSupport())
      .put("content", new ContentSanitizer())
      .put("cups", new CupsSanitizer())
      .put("custom-device", new CustomDeviceSanitizer())
      .put("dbus", new DbusSanitizer())
      .put("desktop", PlugFlagSanitizer.desktop())
      .put("docker-support", PlugFlagSanitizer.dockerSupport())
      .put("gpio", IntegerSlotSanitizer.gpio())
      .put("hidraw", UsbDeviceSanitizer.hidraw())
      .put("home", PlugFlagSanitizer.home())
      .put("i2c", DeviceNodeSanitizer.i2c())
      .put("iio", DeviceNodeSanitizer.iio())
      .put("kubernetes-support", PlugFlagSanitizer.kubernetesSupport())
      .put("mpris", new MprisSanitizer())
      .put("netlink-driver", new NetlinkDriverSanitizer())
      .put("optical-drive", PlugFlagSanitizer.opticalDrive())
      .put("personal-files", FilesSanitizer.personalFiles())
      .put("pkcs11", new Pkcs11Sanitizer())
      .put("polkit", new PolkitSanitizer())
      .put("posix-mq", new PosixMqSanitizer())
      .put("pwm", IntegerSlotSanitizer.pwm())
      .put("raw-volume", SlotPathSanitizer.rawVolume())
      .put("serial-port", UsbDeviceSanitizer.serialPort())
      .put("shared-memory", new SharedMemorySanitizer())
      .put("snapd-control", new SnapdControlSanitizer())
      .put("spi", DeviceNodeSanitizer.spi())
      .put("system-files", FilesSanitizer.systemFiles())
      .put("uio", SlotPathSanitizer.uio())
      .buildOrThrow();

  private Sanitizers() {}

  /** The attribute check of the built-in interface {@code iface}, if it has one. */
  public static Optional<Sanitizer> forInterface(String iface) {
    return Optional.ofNullable(BUILTIN.get(iface));
  }

  /** The names of the interfaces that check attributes. */
  public static ImmutableSet<String> interfaces() {
    return BUILTIN.keySet();
  }
}
