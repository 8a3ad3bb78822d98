package dev.footwork.testkit;

import java.util.function.Supplier;

/**
 * Starts a server once per JVM and hands out its address to every later caller.
 *
 * <p>Quarkus loads test resources in a class loader of the application under test and makes a new
 * one whenever it restarts the application (another test profile, another set of resources), so a
 * static field alone would start a second broker or database. The address is therefore kept in a
 * system property, which every class loader of the JVM sees; the server itself lives until the
 * shutdown hook its starter registers.
 */
final class JvmShared {
    private JvmShared() {}

    static String address(String key, Supplier<String> starter) {
        synchronized (System.getProperties()) {
            String address = System.getProperty(key);
            if (address == null) {
                address = starter.get();
                System.setProperty(key, address);
            }
            return address;
        }
    }
}
