package io.rolegate.registration;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of one-click onboarding (PRODUCT §12): the Launch Stack block of the setup page and the reasons a registration
 * is refused, which the customer reads in the CloudFormation console. Japanese in {@code messages/reg_ja.properties}.
 */
@MessageBundle(value = "reg", locale = "en")
public interface RegistrationMessages {

    @Message("Launch stack in AWS")
    String launch_title();

    @Message("One click opens the AWS CloudFormation console with a stack that creates the role in your AWS account {account}. When the stack is created it tells us the role's ARN: there is nothing to copy or paste. Sign in to the AWS console as someone who may create IAM roles, then choose the button.")
    String launch_text(String account);

    @Message("Launch stack in AWS")
    String launch_button();

    @Message("Or create the role yourself with one of the files below.")
    String launch_manual();

    @Message("The Launch Stack button is not ready yet. Use the files below, or come back to this page in a few minutes.")
    String launch_preparing();

    @Message("The template could not be published to the template bucket ({attempts} attempts): {error}. Rolegate retries in the background; check rolegate.cloudformation.template-bucket and the vendor's s3:PutObject permission on it.")
    String launch_failed_staff(int attempts, String error);

    @Message("Waiting for your stack")
    String waiting_title();

    @Message("Once CloudFormation has created the stack in your AWS account, this page shows the role and its check by itself. Without JavaScript, refresh the page.")
    String waiting_text();

    @Message("Rolegate knows no connection {connectionId}. Launch the stack from the connection's setup page in Rolegate.")
    String reason_connection_unknown(String connectionId);

    @Message("This Rolegate connection was revoked. Create a new connection in Rolegate and launch its stack.")
    String reason_connection_revoked();

    @Message("The registration resource lacks RoleArn, ConnectionId or RegistrationToken. Launch the stack from the connection's setup page in Rolegate.")
    String reason_properties();

    @Message("The RegistrationToken is not this connection's (the external ID may have changed since). Update the stack with the template from the connection's setup page in Rolegate.")
    String reason_token();

    @Message("This stack runs in AWS account {stackAccount}, but the Rolegate connection is for account {connectionAccount}. Launch the stack in account {connectionAccount}.")
    String reason_account(String stackAccount, String connectionAccount);

    @Message("This stack runs in the {stackPartition} partition, but the Rolegate connection is in {connectionPartition}.")
    String reason_partition(String stackPartition, String connectionPartition);

    @Message("The role {roleArn} is not an IAM role of account {account} in partition {partition}.")
    String reason_role(String roleArn, String account, String partition);
}
