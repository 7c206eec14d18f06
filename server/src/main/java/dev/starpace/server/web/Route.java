package dev.starpace.server.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/** One route of the server: its method and path, who may call it, and what answers it. */
record Route(HandlerType method, String path, Rule rule, Handler handler) {
}
