package dev.footwork.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Starts a server once per JVM and hands its address to every later caller.
 *
 * <p>Quarkus loads test resources, and this module with them, in a class loader of the application
 * under test, makes a new one whenever it restarts the application (another test profile, another
 * set of resources) and closes the old one. So a static field would start a second broker, and a
 * broker started there would run on in a closed class loader. Instead the server is started through
 * the JVM's system class loader, which lives as long as the JVM and under Maven Surefire sees the
 * whole test classpath, and its address is kept in a system property, which every class loader
 * sees. The starter registers the shutdown hook that stops the server.
 */
final class JvmShared {
    private JvmShared() {}

    /**
     * The address under {@code key}, or else what the static no-argument method {@code starter} of
     * {@code owner} returns, called once per JVM in the system class loader when it can load {@code
     * owner}, else in the caller's.
     */
    static String address(String key, Class<?> owner, String starter) {
        synchronized (System.getProperties()) {
            String address = System.getProperty(key);
            if (address == null) {
                address = start(owner, starter);
                System.setProperty(key, address);
            }
            return address;
        }
    }

    private static String start(Class<?> owner, String starter) {
        Class<?> longLived;
        try {
            longLived = Class.forName(owner.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            longLived = owner;
        }
        // threads the server creates inherit the context class loader, and libraries (log4j-core
        // in Kafka) load plugins through it: it must be the long-lived one too
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(longLived.getClassLoader());
        try {
            Method method = longLived.getDeclaredMethod(starter);
            method.setAccessible(true);
            return (String) method.invoke(null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(
                    "Could not start " + owner.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No starter " + owner.getName() + "." + starter, e);
        } finally {
            thread.setContextClassLoader(context);
        }
    }
}
