package dev.starpace.server.store;

/**
 * Someone signed in to team mode: {@code id} is the identity provider's subject (which never changes, unlike an e-mail
 * address) and owns their attempts; the name and e-mail are as the provider last said.
 */
public record Person(String id, String name, String email, Role role) {
}
