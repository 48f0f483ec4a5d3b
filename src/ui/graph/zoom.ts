import { select } from 'd3-selection';
import { zoom, type D3ZoomEvent } from 'd3-zoom';

/**
 * Pan and zoom for the graph: attaches d3-zoom to the SVG and applies its transform to the
 * group that holds the drawing. Returns the cleanup, as a Svelte attachment expects.
 */
export function attachZoom(svg: SVGSVGElement, target: () => SVGGElement | undefined): () => void {
  const behaviour = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.4, 3])
    .filter((event: Event) => !(event instanceof MouseEvent && event.button !== 0))
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      target()?.setAttribute('transform', event.transform.toString());
    });
  const selection = select(svg);
  selection.call(behaviour).on('dblclick.zoom', null);
  return () => {
    selection.on('.zoom', null);
  };
}
