// Cross-fades between scenes: the outgoing scene stays opaque underneath while the new one fades in on top, so no frame is ever black.
import { useEffect, useState, type ReactNode } from 'react';
import type { Scene } from '../state/scene.ts';

// Matches the scene-in animation in styles/base.css, plus a margin so the unmount never precedes the last frame.
const CROSS_FADE_MS = 900;

interface StageProps {
  scene: Scene;
  renderScene: (scene: Scene) => ReactNode;
}

interface Layers {
  current: Scene;
  previous: Scene | null;
}

export function Stage({ scene, renderScene }: StageProps) {
  const [layers, setLayers] = useState<Layers>({ current: scene, previous: null });
  if (layers.current.key !== scene.key) {
    // Adjusting state during render (not in an effect) mounts both layers in the same frame.
    setLayers({ current: scene, previous: layers.current });
  }

  useEffect(() => {
    if (layers.previous === null) return;
    const timer = setTimeout(() => setLayers((now) => ({ current: now.current, previous: null })), CROSS_FADE_MS);
    return () => clearTimeout(timer);
  }, [layers.previous]);

  // The fade-in's animation is taken off once it has played: an opacity animation, even a finished
  // one filling forwards, keeps the whole scene an offscreen surface the compositor draws twice per
  // frame, which in software compositing (no GPU) costs a full-screen blend every frame.
  const [faded, setFaded] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setFaded(scene.key), CROSS_FADE_MS);
    return () => clearTimeout(timer);
  }, [scene.key]);

  const previous = layers.previous && layers.previous.key !== scene.key ? layers.previous : null;
  return (
    <>
      {previous && (
        <div
          key={previous.key}
          className={`scene theme-${previous.theme}`}
          data-scene-state="leaving"
          data-scene-key={previous.key}
          aria-hidden="true"
        >
          {renderScene(previous)}
        </div>
      )}
      <div
        key={scene.key}
        className={faded === scene.key ? `scene theme-${scene.theme}` : `scene theme-${scene.theme} scene--entering`}
        data-scene-state="current"
        data-scene-key={scene.key}
      >
        {renderScene(scene)}
      </div>
    </>
  );
}
