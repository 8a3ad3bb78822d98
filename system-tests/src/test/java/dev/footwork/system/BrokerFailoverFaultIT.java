package dev.footwork.system;

import static dev.footwork.system.ProcessKillFaultIT.awaitMoreAcknowledged;

import dev.footwork.contracts.Topics;
import dev.footwork.testkit.KafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three brokers (replication factor 3, min.insync.replicas 2): the broker leading most partitions
 * of the busiest topic (completions) is stopped mid-load and stays down; every acknowledged
 * operation is applied exactly once.
 */
class BrokerFailoverFaultIT {

    private static final Logger LOG = Logger.getLogger(BrokerFailoverFaultIT.class);
    private static final String CLINIC = "clinic-failover";
    private static final Duration CONVERGE = Duration.ofSeconds(150);

    private static FaultSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = FaultSystem.start(() -> KafkaBroker.cluster(3), "failover", Map.of());
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theLeaderOfTheBusiestTopicStoppedMidLoadLosesAndDuplicatesNothing() throws Exception {
        try (SteadyLoad load = SteadyLoad.start(system, CLINIC, "leader-", 3, 4, true)) {
            awaitMoreAcknowledged(load, 30);
            int leader = busiestLeader(Topics.COMPLETIONS);
            system.kafka().stopBroker(leader);
            long stopped = System.nanoTime();
            LOG.infof(
                    "Stopped broker %d, leader of most partitions of %s",
                    leader, Topics.COMPLETIONS);
            awaitMoreAcknowledged(load, 40);
            FaultFigures.finishAndReport(
                    "leader-of-completions-stopped", system, load, stopped, CONVERGE, 0);
        }
    }

    private static int busiestLeader(String topic) throws Exception {
        TopicDescription description =
                system.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        Map<Integer, Integer> led = new TreeMap<>();
        for (TopicPartitionInfo partition : description.partitions()) {
            led.merge(partition.leader().id(), 1, Integer::sum);
        }
        return led.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
