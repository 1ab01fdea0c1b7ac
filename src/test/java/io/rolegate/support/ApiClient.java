package io.rolegate.support;

import static io.restassured.RestAssured.given;

import java.util.EnumSet;
import java.util.Set;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rolegate.account.Account;
import io.rolegate.api.ApiTokenService;
import io.rolegate.api.Scope;

/** A vendor service calling the API with a bearer token; tokens are issued through the real service. */
public final class ApiClient {

    private final String token;

    private ApiClient(String token) {
        this.token = token;
    }

    public static ApiClient withScopes(Scope... scopes) {
        Account admin = Accounts.admin();
        Set<Scope> set = scopes.length == 0 ? EnumSet.noneOf(Scope.class) : EnumSet.of(scopes[0], scopes);
        ApiTokenService.Issued issued = Arc.container().instance(ApiTokenService.class).get()
                .issue("service-" + Accounts.unique(), set, admin);
        return new ApiClient(issued.secret().value());
    }

    public static ApiClient withToken(String token) {
        return new ApiClient(token);
    }

    public String token() {
        return token;
    }

    /** A request with the token, JSON both ways; its answer is checked against the OpenAPI document ({@link ApiContract}). */
    public RequestSpecification request() {
        return given().filter(ApiContract.FILTER).redirects().follow(false).header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
