// The recorded model call lives in shared/llm (the reporter records its summary the same way).
export * from '../../shared/llm/provenance.ts';
