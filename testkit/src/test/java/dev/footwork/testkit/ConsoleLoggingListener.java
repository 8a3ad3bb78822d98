package dev.footwork.testkit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Makes this module's test runs print their log, as a plain JVM without Quarkus does not. */
public class ConsoleLoggingListener implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        ConsoleLogging.install();
    }
}
