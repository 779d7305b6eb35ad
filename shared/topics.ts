import { z } from 'zod';

// The question topics (INTERVIEWING.md templates) shared by the trigger, the agent and the knowledge base.
export const TOPICS = [
  'time_complexity', 'space_complexity', 'hidden_linear_cost', 'data_structure_choice', 'edge_cases', 'loop_bounds',
  'guard_purpose', 'variable_role', 'initial_value', 'termination', 'recursion', 'purpose', 'exceptions', 'aliasing',
  'change', 'dead_code', 'testing', 'scale', 'concurrency', 'api_design',
] as const;
export const Topic = z.enum(TOPICS);
export type Topic = z.infer<typeof Topic>;
