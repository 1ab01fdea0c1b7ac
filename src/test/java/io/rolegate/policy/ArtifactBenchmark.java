package io.rolegate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.rolegate.connection.Partition;
import org.jboss.logging.Logger;

/** Time to render every artifact of one connection; see docs/benchmarks.md. */
@Tag("benchmark")
class ArtifactBenchmark {

    private static final Logger LOG = Logger.getLogger(ArtifactBenchmark.class);

    private static final int CONNECTIONS = 1_000;
    private static final int WARM_UP_ROUNDS = 5;

    @Test
    void rendersAllArtifactsOfOneConnection() {
        List<PolicyModel> models = connections(new Random(42));
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            models.forEach(model -> Artifacts.render(model, Optional.of(PolicyCases.TEMPLATE_URL)));
        }
        long[] nanos = new long[CONNECTIONS];
        int documents = 0;
        for (int i = 0; i < CONNECTIONS; i++) {
            long start = System.nanoTime();
            Artifacts artifacts = Artifacts.render(models.get(i), Optional.of(PolicyCases.TEMPLATE_URL));
            nanos[i] = System.nanoTime() - start;
            documents += artifacts.documents().size();
        }
        assertEquals(5 * CONNECTIONS, documents);
        Arrays.sort(nanos);
        LOG.infof("Artifact rendering, %d connections: median %.1f µs, p95 %.1f µs, max %.1f µs per connection",
                CONNECTIONS, nanos[CONNECTIONS / 2] / 1000.0, nanos[CONNECTIONS * 95 / 100] / 1000.0, nanos[CONNECTIONS - 1] / 1000.0);
    }

    /** 1–20 buckets, half with prefixes, 0–5 KMS keys, all partitions, some rotations. */
    private static List<PolicyModel> connections(Random random) {
        Partition[] partitions = Partition.values();
        List<PolicyModel> models = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            Partition partition = partitions[random.nextInt(partitions.length)];
            List<String> regions = partition.regions().stream().sorted().toList();
            String region = regions.get(random.nextInt(regions.size()));
            List<String> buckets = new ArrayList<>();
            for (int b = 0, n = 1 + random.nextInt(20); b < n; b++) {
                buckets.add("bucket-" + i + "-" + b + (random.nextBoolean() ? "" : "/data/" + random.nextInt(1000) + "/"));
            }
            List<String> keys = new ArrayList<>();
            for (int k = 0, n = random.nextInt(6); k < n; k++) {
                keys.add("arn:" + partition.id() + ":kms:" + regions.get(random.nextInt(regions.size())) + ":111122223333:key/mrk-"
                        + String.format("%032x", random.nextLong() & Long.MAX_VALUE));
            }
            List<String> ids = random.nextInt(10) == 0
                    ? List.of(String.format("rg-new%029d", i), String.format("rg-old%029d", i))
                    : List.of(String.format("rg-id%030d", i));
            models.add(PolicyCases.model("c" + i, "Connection " + i, partition, region, ids, buckets, keys, PolicyCases.root(partition)));
        }
        return models;
    }
}
