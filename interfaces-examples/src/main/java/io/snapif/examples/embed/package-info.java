/**
 * Embedding snapif in a program: {@link io.snapif.examples.embed.EmbeddingExample} opens a
 * manager on a state file, installs snaps from their snap.yaml, reacts to connection events and
 * reopens the state.
 */
@SnapifStyle
package io.snapif.examples.embed;

import io.snapif.SnapifStyle;
