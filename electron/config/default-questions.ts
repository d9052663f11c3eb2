/** A neutral built-in catalogue so a policy-only deployment works; replace it in the config file. */
export const defaultQuestionCatalogue = [
  { id: 'first-pet', text: { en: 'What was the name of your first pet?', de: 'Wie hieß Ihr erstes Haustier?', fr: 'Quel était le nom de votre premier animal ?' } },
  { id: 'birth-city', text: { en: 'In which city were you born?', de: 'In welcher Stadt wurden Sie geboren?', fr: 'Dans quelle ville êtes-vous né ?' } },
  { id: 'first-school', text: { en: 'What was the name of your first school?', de: 'Wie hieß Ihre erste Schule?', fr: 'Comment s’appelait votre première école ?' } },
  { id: 'childhood-friend', text: { en: 'What is the first name of your oldest childhood friend?', de: 'Wie heißt Ihr ältester Kindheitsfreund mit Vornamen?', fr: 'Quel est le prénom de votre plus ancien ami d’enfance ?' } },
  { id: 'first-street', text: { en: 'On which street did you live as a child?', de: 'In welcher Straße haben Sie als Kind gewohnt?', fr: 'Dans quelle rue habitiez-vous enfant ?' } },
  { id: 'first-job-town', text: { en: 'In which town was your first job?', de: 'In welchem Ort war Ihre erste Arbeitsstelle?', fr: 'Dans quelle ville était votre premier emploi ?' } },
];
