package dev.campaignstudio.server.callback;

import dev.campaignstudio.server.engine.WakeSignal;

/** Wakes the callback deliverers as soon as a transaction that wrote a delivery commits. */
public final class DeliverySignal extends WakeSignal {}
