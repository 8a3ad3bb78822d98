package dev.footwork.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link KafkaBroker} field of a test class that {@link KafkaClusterTestResource} fills
 * with the cluster it started, so the test can stop and restart brokers.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectKafkaCluster {}
