package io.rolegate.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests the build generates ({@code target/kubernetes/kubernetes.yml}, quarkus-kubernetes) are
 * what docs/deploy.md tells operators to apply: two replicas, probes on the management port, the secret and the
 * database from Secrets, the public URL from a ConfigMap, a non-root container.
 */
@EnabledIfSystemProperty(named = "rolegate.integration-tests", matches = "true",
        disabledReason = "needs the packaged application: runs in the integration-test phase of verify")
class KubernetesManifestIT {

    private static final Path MANIFEST = Path.of("target/kubernetes/kubernetes.yml");

    private static List<Map<String, Object>> resources;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        resources = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(MANIFEST)) {
            for (Object document : new Yaml().loadAll(reader)) {
                resources.add((Map<String, Object>) document);
            }
        }
    }

    @Test
    void aDeploymentWithTwoReplicasAndAServiceForTheApplicationPort() {
        Map<String, Object> deployment = resource("Deployment");
        Object name = at(deployment, "metadata", "name");
        assertEquals("rolegate", name);
        Object replicas = at(deployment, "spec", "replicas");
        assertEquals(2, replicas);
        Map<String, Object> service = resource("Service");
        List<Map<String, Object>> ports = at(service, "spec", "ports");
        assertTrue(ports.stream().anyMatch(port -> Integer.valueOf(8080).equals(port.get("targetPort"))), ports.toString());
    }

    @Test
    void livenessAndReadinessAskTheManagementPort() {
        Map<String, Object> container = container();
        List<Map<String, Object>> ports = at(container, "ports");
        Map<String, Object> management = ports.stream().filter(port -> Integer.valueOf(9000).equals(port.get("containerPort")))
                .findFirst().orElseThrow(() -> new AssertionError("no container port 9000: " + ports));
        for (String[] probe : new String[][] {{"livenessProbe", "/q/health/live"}, {"readinessProbe", "/q/health/ready"}}) {
            Map<String, Object> get = at(container, probe[0], "httpGet");
            assertNotNull(get, probe[0]);
            assertEquals(probe[1], get.get("path"), probe[0]);
            Object port = get.get("port");
            assertTrue(Integer.valueOf(9000).equals(port) || management.get("name").equals(port), probe[0] + " port " + port);
        }
    }

    @Test
    void theSecretAndTheDatabaseComeFromSecretsAndThePublicUrlFromAConfigMap() {
        List<Map<String, Object>> env = at(container(), "env");
        Map<String, Map<String, Object>> byName = env.stream().collect(Collectors.toMap(
                variable -> (String) variable.get("name"), variable -> variable));
        assertEquals(Map.of("name", "rolegate", "key", "secret"), at(byName.get("ROLEGATE_SECRET"), "valueFrom", "secretKeyRef"));
        assertEquals(Map.of("name", "rolegate-database", "key", "jdbc-url"),
                at(byName.get("QUARKUS_DATASOURCE_JDBC_URL"), "valueFrom", "secretKeyRef"));
        assertEquals(Map.of("name", "rolegate-database", "key", "username"),
                at(byName.get("QUARKUS_DATASOURCE_USERNAME"), "valueFrom", "secretKeyRef"));
        assertEquals(Map.of("name", "rolegate-database", "key", "password"),
                at(byName.get("QUARKUS_DATASOURCE_PASSWORD"), "valueFrom", "secretKeyRef"));
        assertEquals(Map.of("name", "rolegate", "key", "public-url"),
                at(byName.get("ROLEGATE_PUBLIC_URL"), "valueFrom", "configMapKeyRef"));
        assertTrue(env.stream().noneMatch(variable -> variable.containsKey("value")
                && String.valueOf(variable.get("name")).contains("PASSWORD")), "no password in the manifest itself");
    }

    @Test
    void nothingBeyondPlainKubernetesIsNeeded() {
        List<Object> kinds = resources.stream().map(resource -> resource.get("kind")).toList();
        assertEquals(List.of(), kinds.stream().filter(kind -> List.of("Job", "ServiceMonitor").contains(kind)).toList(),
                "Flyway migrates at start-up; no Prometheus operator is assumed: " + kinds);
        Object initContainers = at(resource("Deployment"), "spec", "template", "spec", "initContainers");
        assertNull(initContainers);
        Object environment = at(container(), "env");
        assertFalse(String.valueOf(environment).contains("QUARKUS_FLYWAY_ACTIVE"), String.valueOf(environment));
    }

    @Test
    void theContainerRunsAsANonRootUser() {
        Map<String, Object> deployment = resource("Deployment");
        Map<String, Object> context = at(deployment, "spec", "template", "spec", "securityContext");
        assertEquals(true, context.get("runAsNonRoot"));
        assertEquals(185, context.get("runAsUser"));
    }

    private static Map<String, Object> container() {
        List<Map<String, Object>> containers = at(resource("Deployment"), "spec", "template", "spec", "containers");
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    private static Map<String, Object> resource(String kind) {
        return resources.stream().filter(resource -> kind.equals(resource.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + MANIFEST));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> node, String... path) {
        Object value = node;
        for (String key : path) {
            value = value == null ? null : ((Map<String, Object>) value).get(key);
        }
        return (T) value;
    }
}
