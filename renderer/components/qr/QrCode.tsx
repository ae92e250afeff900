import { useMemo } from 'react';
import { qrSvgOf } from './qr-svg.js';

/**
 * A QR code drawn as inline SVG (no image request, nothing for the CSP to allow). `label` is what
 * a screen reader says instead of the picture: say what the code is for and give the code.
 */
export function QrCode({ value, label, className }: { value: string; label: string; className?: string }) {
  const { side, path } = useMemo(() => qrSvgOf(value), [value]);
  return (
    <svg
      className={className ? `qr ${className}` : 'qr'}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={side} height={side} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
