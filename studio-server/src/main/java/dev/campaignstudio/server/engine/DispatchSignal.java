package dev.campaignstudio.server.engine;

/** Wakes the dispatch relay as soon as a transaction that requested a dispatch commits. */
public final class DispatchSignal extends WakeSignal {}
