// Types of `pith/worker`: the element's worker script. It exports nothing; the element starts it.
export {};
