package io.rolegate.aws;

/**
 * Where and as whom Rolegate calls STS in one partition: the region of the endpoint, and the AWS SDK profile
 * holding the vendor's credentials there ({@code null}: the default credentials chain, used in {@code aws}).
 */
record StsRoute(String partition, String region, String profile) {
}
