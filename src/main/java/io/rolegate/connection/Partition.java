package io.rolegate.connection;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** An AWS partition: ARNs, regions, endpoints and consoles never cross from one to another. */
public enum Partition {

    AWS("aws", "amazonaws.com", "console.aws.amazon.com", Set.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "af-south-1",
            "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
            "ap-southeast-6", "ap-southeast-7",
            "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ca-central-1", "ca-west-1",
            "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3",
            "eu-south-1", "eu-south-2", "eu-north-1",
            "il-central-1", "me-south-1", "me-central-1", "mx-central-1", "sa-east-1")),
    AWS_CN("aws-cn", "amazonaws.com.cn", "console.amazonaws.cn", Set.of(
            "cn-north-1", "cn-northwest-1")),
    AWS_US_GOV("aws-us-gov", "amazonaws.com", "console.amazonaws-us-gov.com", Set.of(
            "us-gov-west-1", "us-gov-east-1"));

    private final String id;
    private final String dnsSuffix;
    private final String consoleHost;
    private final Set<String> regions;

    Partition(String id, String dnsSuffix, String consoleHost, Set<String> regions) {
        this.id = id;
        this.dnsSuffix = dnsSuffix;
        this.consoleHost = consoleHost;
        this.regions = regions;
    }

    /** The name used in ARNs and in the form, e.g. {@code aws-cn}. */
    public String id() {
        return id;
    }

    public String dnsSuffix() {
        return dnsSuffix;
    }

    public String consoleHost() {
        return consoleHost;
    }

    public Set<String> regions() {
        return regions;
    }

    public boolean hasRegion(String region) {
        return regions.contains(region);
    }

    public static Optional<Partition> fromId(String id) {
        return Arrays.stream(values()).filter(partition -> partition.id.equals(id)).findFirst();
    }

    /** The partition a region belongs to, to tell a region of the wrong partition from an unknown one. */
    public static Optional<Partition> ofRegion(String region) {
        return Arrays.stream(values()).filter(partition -> partition.hasRegion(region)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
