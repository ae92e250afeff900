/** Questions and answers as an accordion: each question a large summary that opens its answer. */
export function QuestionList({ items, name }: { items: { question: string; answer: string }[]; name: string }) {
  return (
    <div className="qa" data-qa={name}>
      {items.map((item, i) => (
        <details key={i} className="qa__item">
          <summary className="qa__question">{item.question}</summary>
          <p className="qa__answer">{item.answer}</p>
        </details>
      ))}
    </div>
  );
}
